package io.facecard.tenants.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.domain.refusal.Throttled;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.FailedLogins;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    static final class InMemoryFailedLogins implements FailedLogins {
        final Map<String, Counter> counters = new HashMap<>();

        @Override
        public Optional<Counter> find(String key) {
            return Optional.ofNullable(counters.get(key));
        }

        @Override
        public Counter recordFailure(String key, TenantId tenant, String username, Instant now, Instant forgetBefore) {
            Counter old = counters.get(key);
            int n = old == null || old.lastFailure().isBefore(forgetBefore) ? 1 : old.failures() + 1;
            Counter c = new Counter(key, tenant, username, n, now, old == null ? null : old.lockedUntil());
            counters.put(key, c);
            return c;
        }

        @Override
        public void lockUntil(String key, Instant until) {
            Counter c = counters.get(key);
            counters.put(key, new Counter(key, c.tenant(), c.username(), c.failures(), c.lastFailure(), until));
        }

        @Override
        public void clear(String key) {
            counters.remove(key);
        }

        @Override
        public List<Counter> locked(TenantId tenant, Instant now) {
            return List.of();
        }
    }

    final InMemoryFailedLogins store = new InMemoryFailedLogins();
    final LoginThrottle throttle = new LoginThrottle(store);
    final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    final String account = LoginThrottle.accountKey(" Demo ", "Anna ");
    final String source = LoginThrottle.sourceKey("198.51.100.7");

    @Test
    void locksDoubleFromThirtySecondsAndStopAtFifteenMinutes() {
        assertThat(LoginThrottle.lockFor(5, 5)).isEmpty();
        assertThat(LoginThrottle.lockFor(6, 5)).contains(Duration.ofSeconds(30));
        assertThat(LoginThrottle.lockFor(7, 5)).contains(Duration.ofSeconds(60));
        assertThat(LoginThrottle.lockFor(10, 5)).contains(Duration.ofMinutes(8));
        assertThat(LoginThrottle.lockFor(11, 5)).contains(Duration.ofMinutes(15));
        assertThat(LoginThrottle.lockFor(1_000, 5)).contains(Duration.ofMinutes(15));
    }

    @Test
    void keysIgnoreCaseAndSurroundingSpace() {
        assertThat(account).isEqualTo(LoginThrottle.accountKey("demo", "anna"));
        assertThat(LoginThrottle.accountKey(null, "operator")).isEqualTo("account:/operator");
    }

    @Test
    void theSixthFailureLocksTheAccountAndTheLockSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(t0, null, "anna", account, source);
            throttle.requireOpen(t0, account, source);
        }
        throttle.failed(t0, null, "anna", account, source);
        assertThatThrownBy(() -> throttle.requireOpen(t0.plusSeconds(10), account, source))
                .isInstanceOfSatisfying(Throttled.class, t -> assertThat(t.retryAfterSeconds()).isEqualTo(20));
        throttle.requireOpen(t0.plusSeconds(30), account, source); // the lock ran out
    }

    @Test
    void successClearsTheAccountButNotTheSource() {
        for (int i = 0; i < 6; i++) {
            throttle.failed(t0, null, "anna", account, source);
        }
        throttle.succeeded(account);
        assertThat(store.find(account)).isEmpty();
        assertThat(store.find(source)).map(FailedLogins.Counter::failures).contains(6);
    }

    @Test
    void anHourWithoutFailureForgetsTheCount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(t0, null, "anna", account, source);
        }
        throttle.failed(t0.plus(Duration.ofMinutes(61)), null, "anna", account, source);
        assertThat(store.find(account)).map(FailedLogins.Counter::failures).contains(1);
        throttle.requireOpen(t0.plus(Duration.ofMinutes(61)), account);
    }
}
