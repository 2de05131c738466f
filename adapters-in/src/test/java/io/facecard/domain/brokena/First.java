package io.facecard.domain.brokena;

/** One half of a deliberate cycle between two domain contexts: see BrokenExamplesTest. */
public class First {
    io.facecard.domain.brokenb.Second other;
}
