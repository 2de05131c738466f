package io.facecard.adapters.outbound.brokena;

import io.facecard.adapters.outbound.brokenb.Second;

/** One half of a deliberate cycle between two outbound adapter contexts: see BrokenExamplesTest. */
public class First {
    Second other;
}
