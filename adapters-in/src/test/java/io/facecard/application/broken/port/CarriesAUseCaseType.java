package io.facecard.application.broken.port;

import io.facecard.application.brokena.First;

/** Breaks "ports own their types" on purpose (its result is a use case's class): see BrokenExamplesTest. */
public interface CarriesAUseCaseType {
    First next();
}
