package io.facecard.adapters.out.brokenb;

/** The other half of the deliberate adapter cycle. */
public class Second {
    io.facecard.adapters.out.brokena.First other;
}
