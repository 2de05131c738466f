package io.facecard.application.broken;

import jakarta.inject.Inject;
import java.time.Clock;

/** Breaks "use cases take their collaborators through the constructor" on purpose: see BrokenExamplesTest. */
public class InjectsAField {
    @Inject
    Clock clock;
}
