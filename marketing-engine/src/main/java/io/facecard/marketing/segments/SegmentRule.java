package io.facecard.marketing.segments;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What segments and campaigns refuse. */
public final class SegmentRule {
    /** A segment other segments or campaigns name cannot be deleted. */
    public static final Rule SEGMENT_IN_USE = new Rule("segment-in-use", Category.CONFLICT);

    private SegmentRule() {}
}
