package io.facecard.domain.broken;

import java.time.Instant;
import java.util.UUID;

/** Breaks "domain is deterministic" on purpose (test sources only): see BrokenExamplesTest. */
class ReadsTheClock {
    Instant at() {
        return Instant.now();
    }

    UUID id() {
        return UUID.randomUUID();
    }
}
