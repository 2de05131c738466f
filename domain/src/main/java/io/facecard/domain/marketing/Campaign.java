package io.facecard.domain.marketing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One campaign: DRAFT → (SCHEDULED →) RUNNING → COMPLETED, or CANCELLED before it completes. Its
 * spec is fixed once it starts; the audience is evaluated when it starts and frozen once (its
 * size is recorded here, the members in a command-side table). Every step is refused unless it
 * follows from the current one, so a retried start starts nothing twice.
 */
public class Campaign {
    public enum Status { DRAFT, SCHEDULED, RUNNING, COMPLETED, CANCELLED }

    @AggregateIdentifier
    private CampaignId id;
    private TenantId tenantId;
    private Status status;
    private boolean frozen;

    protected Campaign() {}

    @CommandHandler
    public Campaign(DraftCampaign cmd) {
        apply(new CampaignDraftedEvent(cmd.tenantId(), cmd.campaignId(), cmd.spec(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    void handle(ChangeCampaign cmd) {
        if (status != Status.DRAFT) {
            throw new Refusal(CampaignRule.NOT_A_DRAFT, "a " + status + " campaign is not edited");
        }
        apply(new CampaignChangedEvent(tenantId, id, cmd.spec(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    void handle(ScheduleCampaign cmd) {
        require(Set.of(Status.DRAFT, Status.SCHEDULED), "schedule");
        apply(new CampaignScheduledEvent(tenantId, id, cmd.sendAt(), cmd.actor(), cmd.at()));
    }

    /** @return false when it runs already (a retried start, or the scheduler and a marketer at once): nothing happens twice */
    @CommandHandler
    boolean handle(StartCampaign cmd) {
        if (status == Status.RUNNING || status == Status.COMPLETED) {
            return false;
        }
        require(Set.of(Status.DRAFT, Status.SCHEDULED), "start");
        apply(new CampaignStartedEvent(tenantId, id, cmd.actor(), cmd.at()));
        return true;
    }

    @CommandHandler
    boolean handle(FreezeAudience cmd) {
        if (frozen) {
            return false;
        }
        require(Set.of(Status.RUNNING), "freeze the audience of");
        apply(new AudienceFrozenEvent(tenantId, id, cmd.treated(), cmd.holdout(), cmd.at()));
        return true;
    }

    @CommandHandler
    void handle(CompleteCampaign cmd) {
        if (status == Status.COMPLETED) {
            return;
        }
        require(Set.of(Status.RUNNING), "complete");
        apply(new CampaignCompletedEvent(tenantId, id, cmd.queued(), cmd.at()));
    }

    @CommandHandler
    void handle(CancelCampaign cmd) {
        if (status == Status.CANCELLED) {
            return;
        }
        require(Set.of(Status.DRAFT, Status.SCHEDULED, Status.RUNNING), "cancel");
        apply(new CampaignCancelledEvent(tenantId, id, cmd.actor(), cmd.at()));
    }

    private void require(Set<Status> allowed, String step) {
        if (!allowed.contains(status)) {
            throw new Refusal(CampaignRule.CAMPAIGN_STATE, "cannot " + step + " a " + status + " campaign");
        }
    }

    @EventSourcingHandler
    void on(CampaignDraftedEvent e) {
        id = e.campaignId();
        tenantId = e.tenantId();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(CampaignScheduledEvent e) {
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(CampaignStartedEvent e) {
        status = Status.RUNNING;
    }

    @EventSourcingHandler
    void on(AudienceFrozenEvent e) {
        frozen = true;
    }

    @EventSourcingHandler
    void on(CampaignCompletedEvent e) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(CampaignCancelledEvent e) {
        status = Status.CANCELLED;
    }
}
