package io.facecard.adapters.outbound.brokena;

/** One half of a deliberate cycle between two outbound adapter contexts: see BrokenExamplesTest. */
public class First {
    io.facecard.adapters.outbound.brokenb.Second other;
}
