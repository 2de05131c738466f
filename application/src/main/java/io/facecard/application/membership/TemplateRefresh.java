package io.facecard.application.membership;

import io.facecard.application.biometrics.port.FaceTemplates.FaceRecord;
import io.facecard.application.biometrics.port.FaceTemplates.Source;
import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.domain.membership.Member;
import io.facecard.domain.membership.MemberCommands;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * A tenant's opt-in: faces change (a beard, glasses, ten years), so a till photo that matched
 * confidently, or that the customer confirmed, becomes one of the member's templates. Enrolment
 * templates are never replaced; refreshed ones are, oldest first, within the five a member may
 * have; and a member is refreshed at most once every {@link #EVERY}, so a regular's daily visit
 * writes nothing.
 */
@ApplicationScoped
@Transactional
public class TemplateRefresh {
    static final Duration EVERY = Duration.ofDays(30);

    private CommandGateway commands;
    private FaceTemplates templates;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected TemplateRefresh() {}

    @Inject
    public TemplateRefresh(CommandGateway commands, FaceTemplates templates, Clock clock) {
        this.commands = commands;
        this.templates = templates;
        this.clock = clock;
    }

    /** @return the new template's id, if one was added */
    public Optional<UUID> afterMatch(TenantId tenant, MemberId member, float[] probe, double quality, String actor) {
        Instant now = clock.instant();
        List<FaceRecord> own = templates.of(tenant, member);
        if (own.isEmpty() || own.stream().anyMatch(f -> f.createdAt().isAfter(now.minus(EVERY)))) {
            return Optional.empty();
        }
        if (own.size() >= Member.MAX_FACES) {
            Optional<FaceRecord> oldestRefreshed = own.stream().filter(f -> f.source() == Source.TILL)
                    .min(Comparator.comparing(FaceRecord::createdAt));
            if (oldestRefreshed.isEmpty()) {
                return Optional.empty();
            }
            commands.sendAndWait(new MemberCommands.RemoveFaces(member, List.of(oldestRefreshed.get().faceId()), "REFRESHED", actor, now));
        }
        UUID faceId = UUID.randomUUID();
        commands.sendAndWait(new MemberCommands.EnrolFace(member, faceId, actor, now));
        templates.add(tenant, member, faceId, probe, quality, now, Source.TILL);
        return Optional.of(faceId);
    }
}
