package io.facecard.application.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.biometrics.port.FaceTemplates.Candidate;
import io.facecard.application.membership.port.Identification.Decision;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.application.membership.port.StepUps;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StepUpTest {
    static final TenantId TENANT = new TenantId(UUID.randomUUID());
    static final TenantId OTHER = new TenantId(UUID.randomUUID());

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final class InMemoryStepUps implements StepUps {
        final Map<String, Open> open = new HashMap<>();
        final Map<String, TenantId> owner = new HashMap<>();
        final Map<MemberId, List<Instant>> failures = new HashMap<>();

        @Override
        public void open(TenantId tenant, String tokenHash, List<MemberId> candidates, double score, Double liveness, Instant expiresAt,
                float[] probe) {
            open.put(tokenHash, new Open(candidates, score, liveness, expiresAt, 0, false, probe));
            owner.put(tokenHash, tenant);
        }

        @Override
        public Optional<Open> lock(TenantId tenant, String tokenHash) {
            return Optional.ofNullable(open.get(tokenHash)).filter(o -> owner.get(tokenHash).equals(tenant));
        }

        @Override
        public int failed(TenantId tenant, String tokenHash) {
            Open o = open.get(tokenHash);
            open.put(tokenHash, new Open(o.candidates(), o.score(), o.liveness(), o.expiresAt(), o.failures() + 1, o.used(), o.probe()));
            return o.failures() + 1;
        }

        @Override
        public void used(TenantId tenant, String tokenHash) {
            Open o = open.get(tokenHash);
            open.put(tokenHash, new Open(o.candidates(), o.score(), o.liveness(), o.expiresAt(), o.failures(), true, null));
        }

        @Override
        public void memberFailed(TenantId tenant, MemberId member, Instant at) {
            failures.computeIfAbsent(member, m -> new ArrayList<>()).add(at);
        }

        @Override
        public List<Instant> memberFailures(TenantId tenant, MemberId member, Instant since) {
            return failures.getOrDefault(member, List.of()).stream().filter(t -> t.isAfter(since)).toList();
        }

        @Override
        public void forget(TenantId tenant, Instant before) {}
    }

    static final float[] PROBE = {0.6f, 0.8f};
    /** The members the digits confirmed, with the probe the token kept. */
    final List<Map.Entry<MemberId, float[]>> confirmed = new ArrayList<>();
    final StepUp.Confirmed onConfirmed = (m, probe) -> confirmed.add(Map.entry(m, probe));

    Identification confirm(TenantId tenant, String token, String digits) {
        return stepUp.confirm(tenant, token, digits, onConfirmed);
    }

    final Moving clock = new Moving();
    final InMemoryMembership directory = new InMemoryMembership();
    final StepUp stepUp = new StepUp(new InMemoryStepUps(), directory, clock);

    MemberId member(String phone) {
        MemberId id = new MemberId(UUID.randomUUID());
        directory.members.put(id, new MemberView(id, TENANT, new PersonalData("M", phone, null, null, null, null, null), null, false,
                clock.now, clock.now));
        return id;
    }

    String token(MemberId... candidates) {
        Identification i = stepUp.offer(TENANT, Arrays.stream(candidates).map(c -> new Candidate(c, 0.5)).toList(), 0.5, null, PROBE);
        assertThat(i.decision()).isEqualTo(Decision.CONFIRM);
        assertThat(i.member()).as("no personal data before the digits").isNull();
        return i.candidateToken();
    }

    @Test
    void theRightDigitsPickTheirCandidateAndSpendTheToken() {
        MemberId ada = member("+4915100001234");
        MemberId ben = member("+4915100005678");
        String token = token(ada, ben);
        Identification i = confirm(TENANT, token, "5678");
        assertThat(i.decision()).isEqualTo(Decision.MATCH);
        assertThat(i.member().id()).isEqualTo(ben);
        assertThat(confirmed).singleElement().satisfies(c -> {
            assertThat(c.getKey()).isEqualTo(ben);
            assertThat(c.getValue()).as("the probe kept with the token").isEqualTo(PROBE);
        });
        assertThatThrownBy(() -> confirm(TENANT, token, "5678")).isInstanceOf(Refusal.class).hasMessageContaining("already used");
    }

    @Test
    void theMatchTheDigitsGiveCarriesTheLivenessTheTillMeasured() {
        MemberId ada = member("+4915100001234");
        Identification offered = stepUp.offer(TENANT, List.of(new Candidate(ada, 0.5)), 0.5, 0.93, PROBE);
        assertThat(confirm(TENANT, offered.candidateToken(), "1234").liveness()).isEqualTo(0.93);
        assertThat(confirm(TENANT, token(member("+4915100004321")), "4321").liveness()).as("not measured: none claimed").isNull();
    }

    @Test
    void threeWrongTriesKillTheToken() {
        String token = token(member("+4915100001234"));
        assertThat(confirm(TENANT, token, "0000")).satisfies(i -> {
            assertThat(i.decision()).isEqualTo(Decision.CONFIRM);
            assertThat(i.hint()).isEqualTo(StepUp.WRONG_DIGITS);
            assertThat(i.triesLeft()).isEqualTo(2);
        });
        confirm(TENANT, token, "0001");
        Identification last = confirm(TENANT, token, "0002");
        assertThat(last.decision()).isEqualTo(Decision.NO_MATCH);
        assertThat(last.hint()).isEqualTo(StepUp.USE_CARD);
        assertThat(confirmed).as("nobody was confirmed").isEmpty();
        assertThatThrownBy(() -> confirm(TENANT, token, "1234")).isInstanceOf(Refusal.class);
    }

    @Test
    void aTokenLivesTwoMinutes() {
        String token = token(member("+4915100001234"));
        clock.now = clock.now.plus(StepUp.TOKEN_LIFE).plusSeconds(1);
        assertThatThrownBy(() -> confirm(TENANT, token, "1234")).isInstanceOf(Refusal.class).hasMessageContaining("expired");
    }

    @Test
    void anotherTenantsTokenIsUnknown() {
        String token = token(member("+4915100001234"));
        assertThatThrownBy(() -> confirm(OTHER, token, "1234")).isInstanceOf(Refusal.class);
    }

    @Test
    void fiveWrongTriesAcrossTokensLockTheMemberForFifteenMinutes() {
        MemberId ada = member("+4915100001234");
        for (int i = 0; i < 5; i++) {
            confirm(TENANT, token(ada), "9999");
        }
        Identification locked = stepUp.offer(TENANT, List.of(new Candidate(ada, 0.5)), 0.5, null, null);
        assertThat(locked.decision()).isEqualTo(Decision.NO_MATCH);
        assertThat(locked.hint()).isEqualTo(StepUp.USE_CARD);
        clock.now = clock.now.plus(StepUp.MEMBER_LOCK).plus(Duration.ofSeconds(1));
        assertThat(confirm(TENANT, token(ada), "1234").decision()).isEqualTo(Decision.MATCH);
    }

    @Test
    void digitsThatCannotTellTheCandidatesApartSendTheTillToTheCard() {
        Identification shared = stepUp.offer(TENANT, List.of(new Candidate(member("+4915100001234"), 0.5),
                new Candidate(member("+4917700001234"), 0.49)), 0.5, null, null);
        assertThat(shared.decision()).isEqualTo(Decision.NO_MATCH);
        assertThat(shared.hint()).isEqualTo(StepUp.USE_CARD);
        Identification noPhone = stepUp.offer(TENANT, List.of(new Candidate(member(null), 0.5)), 0.5, null, null);
        assertThat(noPhone.hint()).isEqualTo(StepUp.USE_CARD);
    }

    @Test
    void malformedDigitsAreTheCallersMistake() {
        String token = token(member("+4915100001234"));
        assertThatThrownBy(() -> confirm(TENANT, token, "12a4")).isInstanceOf(Refusal.class).hasMessageContaining("four digits");
        assertThat(confirm(TENANT, token, "1234").decision()).as("a malformed try costs nothing").isEqualTo(Decision.MATCH);
    }
}
