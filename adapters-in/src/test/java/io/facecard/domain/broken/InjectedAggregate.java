package io.facecard.domain.broken;

/** Breaks the domain allow-list on purpose (a Jakarta type in the model): see BrokenExamplesTest. */
class InjectedAggregate {
    @jakarta.inject.Inject
    Object collaborator;
}
