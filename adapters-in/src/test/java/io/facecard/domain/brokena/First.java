package io.facecard.domain.brokena;

import io.facecard.domain.brokenb.Second;

/** One half of a deliberate cycle between two domain contexts: see BrokenExamplesTest. */
public class First {
    Second other;
}
