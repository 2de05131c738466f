package io.facecard.domain.membership;

import io.facecard.domain.membership.MemberCommands.EnrolFace;
import io.facecard.domain.membership.MemberCommands.EraseMember;
import io.facecard.domain.membership.MemberCommands.RecordConsent;
import io.facecard.domain.membership.MemberEvents.ConsentRecordedEvent;
import io.facecard.domain.membership.MemberEvents.FaceEnrolledEvent;
import io.facecard.domain.membership.MemberEvents.FacesRemovedEvent;
import io.facecard.domain.membership.MemberEvents.MemberErasedEvent;
import io.facecard.domain.membership.MemberEvents.MemberRegisteredEvent;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberTest {
    static final TenantId T = new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
    static final MemberId M = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000bb"));
    static final Instant AT = Instant.parse("2026-02-01T12:00:00Z");
    static final UUID F1 = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    static MemberRegisteredEvent registered() {
        return new MemberRegisteredEvent(T, M, new SealedPersonalData("k1", "c1"), "staff:x", AT);
    }

    static ConsentRecordedEvent biometric(boolean granted) {
        return new ConsentRecordedEvent(T, M, ConsentPurpose.BIOMETRIC_IDENTIFICATION, granted, "v1", ConsentSource.KIOSK, "staff:x", AT);
    }

    @Test
    void enrolmentWithoutBiometricConsentIsRefused() {
        fixture.given(registered())
                .when(new EnrolFace(M, F1, "staff:x", AT))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void enrolmentWithConsentIsRecordedWithoutTheTemplate() {
        fixture.given(registered(), biometric(true))
                .when(new EnrolFace(M, F1, "staff:x", AT))
                .expectEvents(new FaceEnrolledEvent(T, M, F1, "staff:x", AT));
    }

    @Test
    void atMostFiveFaces() {
        fixture.given(registered(), biometric(true),
                        new FaceEnrolledEvent(T, M, UUID.randomUUID(), "a", AT), new FaceEnrolledEvent(T, M, UUID.randomUUID(), "a", AT),
                        new FaceEnrolledEvent(T, M, UUID.randomUUID(), "a", AT), new FaceEnrolledEvent(T, M, UUID.randomUUID(), "a", AT),
                        new FaceEnrolledEvent(T, M, UUID.randomUUID(), "a", AT))
                .when(new EnrolFace(M, F1, "staff:x", AT))
                .expectException(Refusal.class);
    }

    @Test
    void withdrawingBiometricConsentRemovesEveryFaceInTheSameDecision() {
        fixture.given(registered(), biometric(true), new FaceEnrolledEvent(T, M, F1, "a", AT))
                .when(new RecordConsent(M, ConsentPurpose.BIOMETRIC_IDENTIFICATION, false, "v2", ConsentSource.APP, "terminal:t", AT))
                .expectEvents(new ConsentRecordedEvent(T, M, ConsentPurpose.BIOMETRIC_IDENTIFICATION, false, "v2", ConsentSource.APP, "terminal:t", AT),
                        new FacesRemovedEvent(T, M, List.of(F1), "CONSENT_WITHDRAWN", "terminal:t", AT));
    }

    @Test
    void erasureRemovesFacesAndThenRefusesEverything() {
        fixture.given(registered(), biometric(true), new FaceEnrolledEvent(T, M, F1, "a", AT))
                .when(new EraseMember(M, "staff:x", AT))
                .expectEvents(new FacesRemovedEvent(T, M, List.of(F1), "ERASURE", "staff:x", AT), new MemberErasedEvent(T, M, "staff:x", AT));
        fixture.given(registered(), new MemberErasedEvent(T, M, "staff:x", AT))
                .when(new RecordConsent(M, ConsentPurpose.ANALYTICS, true, "v1", ConsentSource.APP, "a", AT))
                .expectException(Refusal.class);
    }
}
