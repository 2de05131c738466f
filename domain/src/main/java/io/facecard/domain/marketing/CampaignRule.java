package io.facecard.domain.marketing;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What a campaign refuses. */
public final class CampaignRule {
    /** Only a draft is edited; a started campaign's audience and message are what was sent. */
    public static final Rule NOT_A_DRAFT = new Rule("campaign-not-a-draft", Category.CONFLICT);
    /** The step does not follow from where the campaign is (start twice, schedule a running one, cancel a completed one). */
    public static final Rule CAMPAIGN_STATE = new Rule("campaign-state", Category.CONFLICT);

    private CampaignRule() {}
}
