package io.facecard.marketing.delivery;

import io.facecard.marketing.port.MassJobs.MassJob;
import io.facecard.marketing.port.MassJobs;
import io.facecard.marketing.port.Outbox;
import io.facecard.marketing.port.Recipients.Recipient;
import io.facecard.marketing.port.Sender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WeChat marketing for members outside their customer-service window, gathered over one
 * dispatcher batch into mass sends: one per campaign and text, 2 to 10,000 openids each. A send
 * is recorded with its rows before it is made, under a clientmsgid derived from the campaign and
 * its openids; a crash before its outcome is recorded makes the rows come due again, and the same
 * job is sent again under the same id, which WeChat answers without delivering twice (45065).
 */
final class MassSends {
    static final int MAX_OPENIDS = 10_000;

    private record Candidate(Outbox.Queued queued, String openid) {}

    private final MassJobs jobs;
    private final Sender sender;
    private final Clock clock;
    private final List<Candidate> candidates = Collections.synchronizedList(new ArrayList<>());

    MassSends(MassJobs jobs, Sender sender, Clock clock) {
        this.jobs = jobs;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * @return the outcome now (the member's monthly four are spent; a personal message, which a
     *     mass send cannot carry) or null: the message waits for this batch's {@link #flush}
     */
    Outbox.Outcome offer(Outbox.Queued q, Recipient r, String openid) {
        Map<String, String> f = q.notice().fields();
        if (!"1".equals(f.get("mass")) || f.get("campaign") == null) {
            return new Outbox.Outcome(q.id(), "BLOCKED", "WECHAT", Dispatcher.OUTSIDE_WINDOW, null);
        }
        Optional<String> refused = ChannelPolicy.massRefusal(r.massThisMonth());
        if (refused.isPresent()) {
            return new Outbox.Outcome(q.id(), "BLOCKED", "WECHAT", refused.get(), null);
        }
        candidates.add(new Candidate(q, openid));
        return null;
    }

    /** Sends what {@link #offer} gathered, and again the jobs of {@code recorded} (rows given to a job before). */
    List<Outbox.Outcome> flush(List<Outbox.Queued> recorded) {
        List<Outbox.Outcome> out = new ArrayList<>();
        Map<String, List<Outbox.Queued>> byJob = new LinkedHashMap<>();
        recorded.forEach(q -> byJob.computeIfAbsent(q.massJob(), k -> new ArrayList<>()).add(q));
        byJob.forEach((id, rows) -> {
            Optional<MassJob> job = jobs.find(id);
            if (job.isEmpty()) {
                rows.forEach(q -> out.add(new Outbox.Outcome(q.id(), "FAILED", "WECHAT", "mass-job-gone", null)));
            } else if (job.get().sent()) {
                rows.forEach(q -> out.add(new Outbox.Outcome(q.id(), "SENT", "WECHAT", null, null)));
            } else {
                out.addAll(send(job.get(), rows));
            }
        });
        List<Candidate> taken;
        synchronized (candidates) {
            taken = new ArrayList<>(candidates);
            candidates.clear();
        }
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : taken) {
            var n = c.queued().notice();
            groups.computeIfAbsent(n.tenant().value() + "\n" + n.fields().get("campaign") + "\n" + n.fields().get("text"),
                    k -> new ArrayList<>()).add(c);
        }
        for (List<Candidate> group : groups.values()) {
            if (group.size() < 2) {
                // WeChat's mass send takes two openids at least; one member alone is reached only inside their window.
                out.add(new Outbox.Outcome(group.get(0).queued().id(), "BLOCKED", "WECHAT", Dispatcher.OUTSIDE_WINDOW, null));
                continue;
            }
            group.sort(Comparator.comparing(Candidate::openid));
            for (int from = 0; from < group.size(); from += MAX_OPENIDS) {
                List<Candidate> part = group.subList(from, Math.min(group.size(), from + MAX_OPENIDS));
                var n = part.get(0).queued().notice();
                List<String> openids = part.stream().map(Candidate::openid).toList();
                MassJob job = new MassJob(clientMsgId(n.fields().get("campaign"), openids), n.tenant(), openids,
                        n.fields().get("text"), false);
                List<Outbox.Queued> rows = part.stream().map(Candidate::queued).toList();
                jobs.record(job, rows.stream().map(Outbox.Queued::id).toList(), clock.instant());
                out.addAll(send(job, rows));
            }
        }
        return out;
    }

    private List<Outbox.Outcome> send(MassJob job, List<Outbox.Queued> rows) {
        Sender.Result r;
        try {
            r = sender.mass(job.tenant(), job.openids(), job.text(), job.clientMsgId());
        } catch (RuntimeException e) {
            r = new Sender.Result(Sender.Outcome.RETRY, 0, "error");
        }
        List<Outbox.Outcome> out = new ArrayList<>();
        if (r.outcome() == Sender.Outcome.SENT) {
            jobs.sent(job.clientMsgId(), clock.instant());
        }
        for (Outbox.Queued q : rows) {
            out.add(switch (r.outcome()) {
                case SENT -> new Outbox.Outcome(q.id(), "SENT", "WECHAT", null, null);
                case BLOCKED -> new Outbox.Outcome(q.id(), "BLOCKED", "WECHAT", r.code(), null);
                case REFUSED -> new Outbox.Outcome(q.id(), "FAILED", "WECHAT", r.code(), null);
                case RETRY -> Dispatcher.again(q, r, clock.instant());
            });
        }
        return out;
    }

    /** The campaign and a digest of its batch's openids: the same batch always has the same id (at most 64 characters). */
    static String clientMsgId(String campaign, List<String> openids) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.join(",", openids).getBytes(StandardCharsets.UTF_8));
            return campaign.replace("-", "") + "-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
