package io.facecard.domain.broken;

import jakarta.inject.Inject;

/** Breaks the domain allow-list on purpose (a Jakarta type in the model): see BrokenExamplesTest. */
class InjectedAggregate {
    @Inject
    Object collaborator;
}
