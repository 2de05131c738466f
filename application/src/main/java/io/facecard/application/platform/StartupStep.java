package io.facecard.application.platform;

/**
 * One piece of the platform's start-up, found through CDI: a context adds a step by adding a bean
 * of this type, and edits nothing shared. The platform migrates the schema first, then starts the
 * steps in ascending {@link #phase()} and stops them in the reverse order.
 */
public interface StartupStep {
    /** Signing keys: every token issued or checked needs them. */
    int KEYS = 100;
    /** Repairs of what the last stop left behind (interrupted imports, claims of old members). */
    int REPAIR = 200;
    /** Warm-ups whose thread must be born at normal priority (the face pipeline). */
    int WARM_UP = 300;
    /** Event processing: projections and sagas read the schema and the repaired state. */
    int EVENTS = 400;
    /** Background loops that take over what a crash left open (payments, outbox, campaigns). */
    int WORKERS = 500;

    int phase();

    void start();

    /** Called when the application stops, in reverse phase order; most steps stop with their bean. */
    default void stop() {}
}
