package io.facecard.application.brokena;

/** Calls another context's use case instead of its published port: see BrokenExamplesTest. */
public class UsesAnotherContextsUseCase {
    void run(io.facecard.application.brokenb.Second useCase) {
        useCase.hashCode();
    }
}
