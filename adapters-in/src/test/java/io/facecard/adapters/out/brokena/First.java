package io.facecard.adapters.out.brokena;

/** One half of a deliberate cycle between two outbound adapter contexts: see BrokenExamplesTest. */
public class First {
    io.facecard.adapters.out.brokenb.Second other;
}
