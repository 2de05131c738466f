package io.facecard.domain.marketing;

import io.facecard.domain.marketing.CampaignCommands.CancelCampaign;
import io.facecard.domain.marketing.CampaignCommands.ChangeCampaign;
import io.facecard.domain.marketing.CampaignCommands.CompleteCampaign;
import io.facecard.domain.marketing.CampaignCommands.DraftCampaign;
import io.facecard.domain.marketing.CampaignCommands.FreezeAudience;
import io.facecard.domain.marketing.CampaignCommands.ScheduleCampaign;
import io.facecard.domain.marketing.CampaignCommands.StartCampaign;
import io.facecard.domain.marketing.CampaignEvents.AudienceFrozenEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignCancelledEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignChangedEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignCompletedEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignDraftedEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignScheduledEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignStartedEvent;
import io.facecard.domain.refusal.Refused;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign's life as given events, a command, and the events (or the refusal) it must lead to. */
class CampaignTest {
    static final TenantId T = new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
    static final CampaignId C = new CampaignId(UUID.fromString("00000000-0000-0000-0000-0000000000cc"));
    static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    static final Instant LATER = AT.plusSeconds(3_600);
    static final CampaignSpec SPEC = spec("Tea week");

    AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    static CampaignSpec spec(String name) {
        return new CampaignSpec(name, null, Map.of("field", "locale", "operator", "equals", "value", "en"), "TELEGRAM",
                Map.of("", "Hello {name}"), null, 0.1, null, null, 7);
    }

    static CampaignDraftedEvent drafted() {
        return new CampaignDraftedEvent(T, C, SPEC, "marketer", AT);
    }

    static CampaignStartedEvent started() {
        return new CampaignStartedEvent(T, C, "marketer", AT);
    }

    @Test
    void aDraftIsRecordedWithItsSpec() {
        fixture.givenNoPriorActivity()
                .when(new DraftCampaign(C, T, SPEC, "marketer", AT))
                .expectEvents(drafted());
    }

    @Test
    void aDraftMayBeChangedAndScheduled() {
        CampaignSpec renamed = spec("Tea fortnight");
        fixture.given(drafted())
                .when(new ChangeCampaign(C, renamed, "marketer", LATER))
                .expectEvents(new CampaignChangedEvent(T, C, renamed, "marketer", LATER));
        fixture.given(drafted())
                .when(new ScheduleCampaign(C, LATER, "marketer", AT))
                .expectEvents(new CampaignScheduledEvent(T, C, LATER, "marketer", AT));
    }

    @Test
    void aStartedCampaignIsNotEdited() {
        fixture.given(drafted(), started())
                .when(new ChangeCampaign(C, spec("Too late"), "marketer", LATER))
                .expectException(Refused.by(CampaignRule.NOT_A_DRAFT))
                .expectNoEvents();
    }

    @Test
    void aScheduledCampaignStartsOnceAndARetriedStartChangesNothing() {
        fixture.given(drafted(), new CampaignScheduledEvent(T, C, LATER, "marketer", AT))
                .when(new StartCampaign(C, "scheduler", LATER))
                .expectEvents(new CampaignStartedEvent(T, C, "scheduler", LATER))
                .expectResultMessagePayload(true);
        fixture.given(drafted(), started())
                .when(new StartCampaign(C, "marketer", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theAudienceIsFrozenOnceAndOnlyWhileRunning() {
        fixture.given(drafted(), started())
                .when(new FreezeAudience(C, 90, 10, LATER))
                .expectEvents(new AudienceFrozenEvent(T, C, 90, 10, LATER))
                .expectResultMessagePayload(true);
        fixture.given(drafted(), started(), new AudienceFrozenEvent(T, C, 90, 10, LATER))
                .when(new FreezeAudience(C, 95, 5, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(drafted())
                .when(new FreezeAudience(C, 90, 10, LATER))
                .expectException(Refused.by(CampaignRule.CAMPAIGN_STATE))
                .expectNoEvents();
    }

    @Test
    void onlyARunningCampaignCompletesAndCompletingTwiceIsOnce() {
        fixture.given(drafted(), started())
                .when(new CompleteCampaign(C, 90, LATER))
                .expectEvents(new CampaignCompletedEvent(T, C, 90, LATER));
        fixture.given(drafted(), started(), new CampaignCompletedEvent(T, C, 90, LATER))
                .when(new CompleteCampaign(C, 90, LATER))
                .expectNoEvents();
        fixture.given(drafted())
                .when(new CompleteCampaign(C, 0, LATER))
                .expectException(Refused.by(CampaignRule.CAMPAIGN_STATE))
                .expectNoEvents();
    }

    @Test
    void aCampaignIsCancelledBeforeItCompletesNotAfter() {
        fixture.given(drafted(), started())
                .when(new CancelCampaign(C, "marketer", LATER))
                .expectEvents(new CampaignCancelledEvent(T, C, "marketer", LATER));
        fixture.given(drafted(), new CampaignCancelledEvent(T, C, "marketer", LATER))
                .when(new CancelCampaign(C, "marketer", LATER))
                .expectNoEvents();
        fixture.given(drafted(), started(), new CampaignCompletedEvent(T, C, 90, LATER))
                .when(new CancelCampaign(C, "marketer", LATER))
                .expectException(Refused.by(CampaignRule.CAMPAIGN_STATE))
                .expectNoEvents();
        fixture.given(drafted(), new CampaignCancelledEvent(T, C, "marketer", LATER))
                .when(new StartCampaign(C, "marketer", LATER))
                .expectException(Refused.by(CampaignRule.CAMPAIGN_STATE))
                .expectNoEvents();
    }
}
