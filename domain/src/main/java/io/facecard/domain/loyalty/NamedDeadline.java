package io.facecard.domain.loyalty;

/**
 * A deadline payload that gives its deadline a name of its own ({@link #key}, starting with
 * {@link #PREFIX}): {@code DeadlineManager.cancelAll(key())} cancels exactly that deadline, so the
 * aggregate needs to remember no id the scheduler made up, and no id travels in an event. The
 * deadline store files the schedule under the key, so the cancel is one keyed delete.
 */
public interface NamedDeadline {
    String PREFIX = "named:";

    String key();
}
