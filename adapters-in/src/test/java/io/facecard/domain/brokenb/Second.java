package io.facecard.domain.brokenb;

import io.facecard.domain.brokena.First;

/** The other half of the deliberate domain cycle. */
public class Second {
    First other;
}
