package io.facecard.application.brokena;

/** One half of a deliberate cycle between two application contexts: see BrokenExamplesTest. */
public class First {
    io.facecard.application.brokenb.Second other;
}
