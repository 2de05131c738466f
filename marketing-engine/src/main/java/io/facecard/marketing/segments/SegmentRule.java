package io.facecard.marketing.segments;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What segments and campaigns refuse. */
public final class SegmentRule {
    /** A segment other segments or campaigns name cannot be deleted. */
    public static final Rule SEGMENT_IN_USE = new Rule("segment-in-use", Category.CONFLICT);

    /** A tree the read models could not evaluate within its time. */
    public static final Rule SEGMENT_TOO_COSTLY = new Rule("segment-too-costly", Category.UNPROCESSABLE);

    private SegmentRule() {}
}
