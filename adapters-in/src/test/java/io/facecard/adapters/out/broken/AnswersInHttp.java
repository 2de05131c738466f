package io.facecard.adapters.out.broken;

/** Breaks "outbound adapters use no inbound adapter" on purpose: see BrokenExamplesTest. */
class AnswersInHttp {
    io.facecard.adapters.in.http.Problems problems;
}
