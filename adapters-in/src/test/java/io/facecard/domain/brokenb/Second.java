package io.facecard.domain.brokenb;

/** The other half of the deliberate domain cycle. */
public class Second {
    io.facecard.domain.brokena.First other;
}
