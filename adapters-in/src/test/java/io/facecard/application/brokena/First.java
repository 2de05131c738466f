package io.facecard.application.brokena;

import io.facecard.application.brokenb.Second;

/** One half of a deliberate cycle between two application contexts: see BrokenExamplesTest. */
public class First {
    Second other;
}
