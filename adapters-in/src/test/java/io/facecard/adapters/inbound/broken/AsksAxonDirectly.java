package io.facecard.adapters.inbound.broken;

/** Breaks "inbound adapters use no outbound adapter" on purpose: see BrokenExamplesTest. */
class AsksAxonDirectly {
    io.facecard.adapters.outbound.axon.AxonRuntime axon;
}
