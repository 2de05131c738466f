package io.facecard.application.brokenb;

/** The other half of the deliberate application cycle. */
public class Second {
    io.facecard.application.brokena.First other;
}
