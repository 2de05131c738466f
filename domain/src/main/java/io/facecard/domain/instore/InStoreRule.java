package io.facecard.domain.instore;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What store analytics refuses. */
public final class InStoreRule {
    /** A camera posted before anyone said where it hangs: its sightings could open or close nothing. */
    public static final Rule CAMERA_NOT_PLACED = new Rule("camera-not-placed", Category.CONFLICT);
    /** The tenant's camera queue holds its share: retry later (sightings are dropped, never counted twice). */
    public static final Rule SIGHTINGS_BACKLOG = new Rule("sightings-backlog", Category.TOO_MANY_REQUESTS);
    public static final Rule DUPLICATE_LIST = new Rule("duplicate-watch-list", Category.CONFLICT);
    /** One person, one STAFF entry per list: a second would only be a second face to forget. */
    public static final Rule DUPLICATE_STAFF_ENTRY = new Rule("duplicate-staff-entry", Category.CONFLICT);
    public static final Rule NO_FACE_FOR_ENTRY = new Rule("no-face-for-entry", Category.UNPROCESSABLE);

    private InStoreRule() {}
}
