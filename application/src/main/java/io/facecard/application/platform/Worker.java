package io.facecard.application.platform;

/**
 * A background loop as operators count it: its name and the items this replica finished since it started. An interface,
 * so the container can hand out its proxy (a loop's class has a final start and cannot be proxied as a class).
 */
public interface Worker {
    String workName();

    long itemsDone();
}
