package io.facecard.application.brokenb;

import io.facecard.application.brokena.First;

/** The other half of the deliberate application cycle. */
public class Second {
    First other;
}
