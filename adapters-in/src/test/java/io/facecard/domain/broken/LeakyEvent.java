package io.facecard.domain.broken;

/** Breaks "events carry the tenant and no secrets" on purpose: see BrokenExamplesTest. */
record LeakyEvent(String apiKey) {}
