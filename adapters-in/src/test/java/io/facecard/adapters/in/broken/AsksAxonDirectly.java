package io.facecard.adapters.in.broken;

/** Breaks "inbound adapters use no outbound adapter" on purpose: see BrokenExamplesTest. */
class AsksAxonDirectly {
    io.facecard.adapters.out.axon.AxonRuntime axon;
}
