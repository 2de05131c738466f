package io.facecard.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantCommands.ChangeTenantSettings;
import io.facecard.domain.tenancy.TenantCommands.OnboardTenant;
import io.facecard.domain.tenancy.TenantCommands.ResumeTenant;
import io.facecard.domain.tenancy.TenantCommands.SuspendTenant;
import io.facecard.domain.tenancy.TenantEvents.TenantOnboardedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantResumedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSettingsChangedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSuspendedEvent;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantTest {
    private static final TenantId ID = new TenantId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    private static TenantOnboardedEvent onboarded() {
        return new TenantOnboardedEvent(ID, "acme", "Acme Stores", "EUR", "Europe/Berlin", "operator", T0);
    }

    @Test
    void onboardingRecordsTheChainsSettings() {
        fixture.givenNoPriorActivity()
                .when(new OnboardTenant(ID, new TenantSlug("acme"),
                        new TenantSettings("Acme Stores", "EUR", "Europe/Berlin"), "operator", T0))
                .expectEvents(onboarded());
    }

    @Test
    void changingOnlyTheNameKeepsTheOtherSettings() {
        fixture.given(onboarded())
                .when(new ChangeTenantSettings(ID, "Acme Markets", null, null, "operator", T1))
                .expectEvents(new TenantSettingsChangedEvent(ID, "Acme Markets", "EUR", "Europe/Berlin", "operator", T1));
    }

    @Test
    void changingNothingRecordsNothing() {
        fixture.given(onboarded())
                .when(new ChangeTenantSettings(ID, "Acme Stores", "EUR", null, "operator", T1))
                .expectNoEvents();
    }

    @Test
    void anUnknownCurrencyIsRefusedAndRecordsNothing() {
        fixture.given(onboarded())
                .when(new ChangeTenantSettings(ID, null, "XYZ", null, "operator", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void suspensionIsRecordedOnceEvenWhenRepeated() {
        fixture.given(onboarded())
                .when(new SuspendTenant(ID, "unpaid invoice", "operator", T1))
                .expectEvents(new TenantSuspendedEvent(ID, "unpaid invoice", "operator", T1));
        fixture.given(onboarded(), new TenantSuspendedEvent(ID, "unpaid invoice", "operator", T1))
                .when(new SuspendTenant(ID, "again", "operator", T1))
                .expectNoEvents();
    }

    @Test
    void aSuspendedTenantCanResume() {
        fixture.given(onboarded(), new TenantSuspendedEvent(ID, "x", "operator", T1))
                .when(new ResumeTenant(ID, "operator", T1))
                .expectEvents(new TenantResumedEvent(ID, "operator", T1));
        fixture.given(onboarded())
                .when(new ResumeTenant(ID, "operator", T1))
                .expectNoEvents();
    }

    @Test
    void onlyASuspendedTenantIsOffboardedAndOnlyOnce() {
        fixture.given(onboarded())
                .when(new TenantCommands.StartOffboarding(ID, "contract ended", "operator", T1))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(onboarded(), new TenantSuspendedEvent(ID, "x", "operator", T1))
                .when(new TenantCommands.StartOffboarding(ID, "contract ended", "operator", T1))
                .expectEvents(new TenantEvents.TenantOffboardingStartedEvent(ID, "contract ended", "operator", T1));
        fixture.given(onboarded(), new TenantSuspendedEvent(ID, "x", "operator", T1),
                        new TenantEvents.TenantOffboardingStartedEvent(ID, "contract ended", "operator", T1))
                .when(new TenantCommands.StartOffboarding(ID, "again", "operator", T1))
                .expectNoEvents();
    }

    @Test
    void anOffboardingTenantEndsOffboardedAndThenNothingChanges() {
        Object[] leaving = {onboarded(), new TenantSuspendedEvent(ID, "x", "operator", T1),
                new TenantEvents.TenantOffboardingStartedEvent(ID, "contract ended", "operator", T1)};
        fixture.given(leaving)
                .when(new TenantCommands.CompleteOffboarding(ID, 12, "offboarding", T1))
                .expectEvents(new TenantEvents.TenantOffboardedEvent(ID, 12, "offboarding", T1));
        fixture.given(leaving)
                .when(new ResumeTenant(ID, "operator", T1))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(leaving)
                .when(new ChangeTenantSettings(ID, "Back again", null, null, "operator", T1))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(onboarded(), new TenantSuspendedEvent(ID, "x", "operator", T1))
                .when(new TenantCommands.CompleteOffboarding(ID, 0, "offboarding", T1))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void slugsAndSettingsValidateThemselves() {
        assertThatThrownBy(() -> new TenantSlug("Acme Stores")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantSlug("-acme")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantSettings(" ", "EUR", "UTC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantSettings("A", "EUR", "Mars/Olympus")).isInstanceOf(IllegalArgumentException.class);
        new TenantSettings("A", "CNY", "Asia/Shanghai");
    }
}
