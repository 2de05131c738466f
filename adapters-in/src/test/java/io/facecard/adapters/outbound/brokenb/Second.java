package io.facecard.adapters.outbound.brokenb;

/** The other half of the deliberate adapter cycle. */
public class Second {
    io.facecard.adapters.outbound.brokena.First other;
}
