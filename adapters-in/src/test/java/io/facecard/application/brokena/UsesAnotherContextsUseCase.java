package io.facecard.application.brokena;

import io.facecard.application.brokenb.Second;

/** Calls another context's use case instead of its published port: see BrokenExamplesTest. */
public class UsesAnotherContextsUseCase {
    void run(Second useCase) {
        useCase.hashCode();
    }
}
