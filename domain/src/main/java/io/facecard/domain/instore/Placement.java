package io.facecard.domain.instore;

/** Where a store camera looks: the way in, the way out, or the sales floor (seen, but neither opens nor closes a visit). */
public enum Placement {
    ENTRANCE,
    EXIT,
    FLOOR
}
