package io.facecard.adapters.outbound.broken;

import jakarta.inject.Inject;
import java.time.Clock;

/** Breaks "adapters take theirs through fields" on purpose: see BrokenExamplesTest. */
public class InjectsAConstructor {
    private final Clock clock;

    @Inject
    public InjectsAConstructor(Clock clock) {
        this.clock = clock;
    }
}
