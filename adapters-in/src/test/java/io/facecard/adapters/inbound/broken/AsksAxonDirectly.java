package io.facecard.adapters.inbound.broken;

import io.facecard.adapters.outbound.axon.AxonRuntime;

/** Breaks "inbound adapters use no outbound adapter" on purpose: see BrokenExamplesTest. */
class AsksAxonDirectly {
    AxonRuntime axon;
}
