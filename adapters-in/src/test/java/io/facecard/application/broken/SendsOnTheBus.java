package io.facecard.application.broken;

import org.axonframework.commandhandling.CommandBus;

/** Breaks the application allow-list (Axon past its gateways) on purpose: see BrokenExamplesTest. */
class SendsOnTheBus {
    CommandBus bus;
}
