package io.facecard.application.broken;

import jakarta.persistence.EntityManager;

/** Breaks "persistence stays in outbound adapters" on purpose: see BrokenExamplesTest. */
class UsesJpa {
    EntityManager em;
}
