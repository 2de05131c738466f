package io.facecard.marketing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.MassJobs;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Outbox;
import io.facecard.marketing.port.Recipients.Recipient;
import io.facecard.marketing.port.Rendered;
import io.facecard.marketing.port.Sender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Gathering one batch's WeChat marketing into mass sends, and sending a recorded job again under its id. */
class MassSendsTest {
    static final TenantId TENANT = new TenantId(UUID.randomUUID());
    static final String CAMPAIGN = UUID.randomUUID().toString();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    /** Keeps recorded jobs as the outbox would; the channel's answers are queued up by the test. */
    static final class Recording implements MassJobs, Sender {
        final Map<String, MassJob> jobs = new HashMap<>();
        final Map<UUID, String> rowJob = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        Sender.Outcome answer = Sender.Outcome.SENT;

        @Override
        public void record(MassJob job, List<UUID> rows, Instant at) {
            jobs.putIfAbsent(job.clientMsgId(), job);
            rows.forEach(r -> rowJob.put(r, job.clientMsgId()));
        }

        @Override
        public Optional<MassJob> find(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public void sent(String id, Instant at) {
            MassJob j = jobs.get(id);
            jobs.put(id, new MassJob(id, j.tenant(), List.of(), "", true));
        }

        @Override
        public Result mass(TenantId tenant, List<String> openids, String text, String clientMsgId) {
            calls.add(clientMsgId + " " + openids + " " + text);
            return new Result(answer, 3, answer == Sender.Outcome.SENT ? null : "-1");
        }

        @Override
        public Result send(TenantId t, String c, String a, Rendered m, boolean marketing) {
            throw new AssertionError("a mass send only");
        }
    }

    static Outbox.Queued message(String text, boolean mass) {
        Map<String, String> f = new HashMap<>(Map.of("text", text, "campaign", CAMPAIGN));
        if (mass) {
            f.put("mass", "1");
        }
        return new Outbox.Queued(UUID.randomUUID(), new Notice(TENANT, new MemberId(UUID.randomUUID()), "CAMPAIGN", Notice.Kind.MARKETING, f,
                "k" + UUID.randomUUID()), 0);
    }

    static Recipient member(int massThisMonth) {
        return new Recipient(true, true, List.of(), ZoneOffset.UTC, List.of(), "zh", massThisMonth);
    }

    @Test
    void oneCampaignsTextGoesInOneSendWhoseIdDependsOnlyOnCampaignAndOpenids() {
        Recording r = new Recording();
        MassSends mass = new MassSends(r, r, CLOCK);
        Outbox.Queued a = message("Tea week", true);
        Outbox.Queued b = message("Tea week", true);
        Outbox.Queued other = message("Чайная неделя", true);
        assertThat(mass.offer(a, member(0), "oB")).isNull();
        assertThat(mass.offer(b, member(3), "oA")).isNull();
        assertThat(mass.offer(other, member(0), "oC")).isNull();
        List<Outbox.Outcome> out = mass.flush(List.of());
        assertThat(r.calls).hasSize(1);
        assertThat(r.calls.get(0)).contains("[oA, oB]").contains("Tea week");
        assertThat(out).filteredOn(o -> o.status().equals("SENT")).extracting(Outbox.Outcome::id).containsExactlyInAnyOrder(a.id(), b.id());
        // Alone in its text, the Russian one cannot be a mass send (two openids at least).
        assertThat(out).filteredOn(o -> o.id().equals(other.id())).extracting(Outbox.Outcome::reason).containsExactly(Dispatcher.OUTSIDE_WINDOW);
        assertThat(MassSends.clientMsgId(CAMPAIGN, List.of("oA", "oB"))).isEqualTo(r.rowJob.get(a.id()))
                .isNotEqualTo(MassSends.clientMsgId(CAMPAIGN, List.of("oA", "oC"))).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void aSpentQuotaAndAPersonalMessageAreBlockedWithTheirRules() {
        Recording r = new Recording();
        MassSends mass = new MassSends(r, r, CLOCK);
        assertThat(mass.offer(message("Tea week", true), member(4), "oA").reason()).isEqualTo(ChannelPolicy.MASS_QUOTA);
        assertThat(mass.offer(message("Hi Ann, TEA-1234", false), member(0), "oB").reason()).isEqualTo(Dispatcher.OUTSIDE_WINDOW);
        assertThat(mass.flush(List.of())).isEmpty();
        assertThat(r.calls).isEmpty();
    }

    @Test
    void aJobThatFailedIsSentAgainUnderItsIdAndAJobSentAlreadyIsNotSentAgain() {
        Recording r = new Recording();
        MassSends mass = new MassSends(r, r, CLOCK);
        Outbox.Queued a = message("Tea week", true);
        Outbox.Queued b = message("Tea week", true);
        mass.offer(a, member(0), "oA");
        mass.offer(b, member(0), "oB");
        r.answer = Sender.Outcome.RETRY;
        assertThat(mass.flush(List.of())).extracting(Outbox.Outcome::status).containsOnly("QUEUED");
        String id = r.rowJob.get(a.id());
        // The rows come due again pointing at their job (as after a crash): the same send, the same id.
        r.answer = Sender.Outcome.SENT;
        List<Outbox.Queued> again = List.of(withJob(a, id), withJob(b, id));
        assertThat(mass.flush(again)).extracting(Outbox.Outcome::status).containsOnly("SENT");
        assertThat(r.calls).hasSize(2).allMatch(c -> c.startsWith(id + " [oA, oB]"));
        assertThat(mass.flush(again)).extracting(Outbox.Outcome::status).containsOnly("SENT");
        assertThat(r.calls).hasSize(2);
    }

    static Outbox.Queued withJob(Outbox.Queued q, String job) {
        return new Outbox.Queued(q.id(), q.notice(), q.attempts() + 1, job);
    }
}
