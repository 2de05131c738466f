package io.facecard.application.membership;

import io.facecard.application.biometrics.port.FaceTemplates.Candidate;
import io.facecard.application.membership.port.Identification.Decision;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.port.StepUps;
import io.facecard.domain.biometrics.MatchPolicy;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The till's step-up instead of a guess, as face-pay terminals do it: a CONFIRM carries a
 * short-lived token and no personal data; the customer types the last four digits of their
 * phone and the till sends them with the token, which picks among the candidates. Wrong digits
 * spend the token (three tries) and count against each candidate member across tokens (five in
 * 15 minutes lock that member's step-up for 15 minutes), so a stranger cannot walk through a
 * look-alike's digits. When the digits cannot tell the candidates apart (one has no phone, two
 * share the digits) the till is told to use the card instead.
 */
@ApplicationScoped
@Transactional
public class StepUp {
    static final Duration TOKEN_LIFE = Duration.ofMinutes(2);
    static final int TOKEN_TRIES = 3;
    static final int MEMBER_TRIES = MatchPolicy.STEP_UP_TRIES_PER_MEMBER;
    static final Duration MEMBER_LOCK = Duration.ofMinutes(15);
    /** The hint of a NO_MATCH the digits cannot resolve, and of a token spent by wrong digits. */
    public static final String USE_CARD = "USE_CARD";
    public static final String WRONG_DIGITS = "WRONG_DIGITS";

    private static final SecureRandom RANDOM = new SecureRandom();

    private StepUps stepUps;
    private MemberDirectory directory;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected StepUp() {}

    @Inject
    public StepUp(StepUps stepUps, MemberDirectory directory, Clock clock) {
        this.stepUps = stepUps;
        this.directory = directory;
        this.clock = clock;
    }

    /** What to do with the member the digits confirmed and the probe the CONFIRM kept (null unless kept). */
    @FunctionalInterface
    public interface Confirmed {
        void member(MemberId member, float[] probe);
    }

    /**
     * A CONFIRM with a token for these candidates (best first), or NO_MATCH with {@link #USE_CARD}.
     *
     * @param liveness the probe's liveness where it was measured (null: not measured), carried to the MATCH the digits give
     * @param probe kept with the token for a template refresh after the digits (null: not kept)
     */
    public Identification offer(TenantId tenant, List<Candidate> candidates, double score, Double liveness, float[] probe) {
        Instant now = clock.instant();
        List<MemberId> offered = new ArrayList<>();
        Set<String> digits = new HashSet<>();
        for (Candidate c : candidates) {
            Optional<MemberView> m = directory.find(tenant, c.member()).filter(v -> !v.erased());
            if (m.isEmpty() || locked(tenant, c.member(), now)) {
                continue;
            }
            Optional<String> last4 = lastFour(m.get());
            if (last4.isEmpty() || !digits.add(last4.get())) {
                return Identification.hint(Decision.NO_MATCH, score, USE_CARD);
            }
            offered.add(c.member());
        }
        if (offered.isEmpty()) {
            return Identification.hint(Decision.NO_MATCH, score, USE_CARD);
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        stepUps.forget(tenant, now.minus(MEMBER_LOCK)); // what is older can no longer be used nor lock anyone
        stepUps.open(tenant, hash(token), offered, score, liveness, now.plus(TOKEN_LIFE), probe);
        return new Identification(Decision.CONFIRM, null, score, token, null, TOKEN_TRIES);
    }

    /** The customer's digits against a token: MATCH with the one candidate they belong to, or another try. */
    public Identification confirm(TenantId tenant, String token, String phoneLast4, Confirmed confirmed) {
        if (token == null || token.isBlank() || phoneLast4 == null || !phoneLast4.matches("[0-9]{4}")) {
            throw Refusal.invalid("send 'candidateToken' and 'phoneLast4' (exactly four digits)");
        }
        Instant now = clock.instant();
        String hash = hash(token);
        StepUps.Open open = stepUps.lock(tenant, hash)
                .filter(o -> !o.used() && o.failures() < TOKEN_TRIES && o.expiresAt().isAfter(now))
                .orElseThrow(() -> new Refusal(MembershipRule.STEP_UP_EXPIRED,
                        "the candidate token is unknown, expired or already used; identify the customer again"));
        for (MemberId candidate : open.candidates()) {
            Optional<MemberView> m = directory.find(tenant, candidate).filter(v -> !v.erased());
            if (m.isPresent() && lastFour(m.get()).filter(phoneLast4::equals).isPresent()) {
                stepUps.used(tenant, hash);
                if (locked(tenant, candidate, now)) {
                    return Identification.hint(Decision.NO_MATCH, open.score(), USE_CARD);
                }
                confirmed.member(candidate, open.probe());
                Identification match = new Identification(Decision.MATCH, m.get(), open.score());
                return open.liveness() == null ? match : match.withLiveness(open.liveness());
            }
        }
        int failures = stepUps.failed(tenant, hash);
        open.candidates().forEach(c -> stepUps.memberFailed(tenant, c, now));
        int left = TOKEN_TRIES - failures;
        if (left <= 0) {
            stepUps.used(tenant, hash); // dead: its probe goes now, not when the token would have expired
        }
        return left > 0 ? new Identification(Decision.CONFIRM, null, open.score(), token, WRONG_DIGITS, left)
                : Identification.hint(Decision.NO_MATCH, open.score(), USE_CARD);
    }

    private boolean locked(TenantId tenant, MemberId member, Instant now) {
        List<Instant> failures = stepUps.memberFailures(tenant, member, now.minus(MEMBER_LOCK));
        return failures.size() >= MEMBER_TRIES;
    }

    private static Optional<String> lastFour(MemberView m) {
        String phone = m.data() == null ? null : m.data().phone();
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.length() < 4 ? Optional.empty() : Optional.of(digits.substring(digits.length() - 4));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
