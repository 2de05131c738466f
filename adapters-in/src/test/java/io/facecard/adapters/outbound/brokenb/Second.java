package io.facecard.adapters.outbound.brokenb;

import io.facecard.adapters.outbound.brokena.First;

/** The other half of the deliberate adapter cycle. */
public class Second {
    First other;
}
