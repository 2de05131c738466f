package io.facecard.adapters.outbound.broken;

/** Breaks "outbound adapters use no inbound adapter" on purpose: see BrokenExamplesTest. */
class AnswersInHttp {
    io.facecard.adapters.inbound.http.Problems problems;
}
