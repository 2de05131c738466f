package io.facecard.adapters.outbound.broken;

import io.facecard.adapters.inbound.http.Problems;

/** Breaks "outbound adapters use no inbound adapter" on purpose: see BrokenExamplesTest. */
class AnswersInHttp {
    Problems problems;
}
