package io.facecard.adapters.outbound.axon;

/**
 * Marks a CDI bean whose {@code @EventHandler}s Axon should call. Its class carries Axon's
 * {@code @ProcessingGroup} naming a processor some {@link AxonContext} declares; a projection
 * naming an undeclared processor stops the platform at start.
 */
public interface Projection {}
