package io.facecard.tenants.tenancy;

import io.facecard.domain.refusal.Throttled;
import io.facecard.domain.tenancy.TenancyRule;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.FailedLogins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing. An account may fail {@link #ACCOUNT_FREE} times, an address
 * {@link #SOURCE_FREE} times (a shop's shared NAT has many cashiers); after that each failure locks
 * the key for twice as long as the one before, from {@link #FIRST_LOCK} up to {@link #LONGEST_LOCK}.
 * A locked key is refused before any password is hashed. Keys do not depend on whether the account
 * exists, so the answers do not tell a guesser which usernames are real.
 */
@ApplicationScoped
public class LoginThrottle {
    static final int ACCOUNT_FREE = 5;
    static final int SOURCE_FREE = 100;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** A counter with no failure for this long is forgotten. */
    static final Duration MEMORY = Duration.ofHours(1);

    private FailedLogins failures;

    /** For the CDI client proxy only. */
    protected LoginThrottle() {}

    @Inject
    public LoginThrottle(FailedLogins failures) {
        this.failures = failures;
    }

    public static String accountKey(String tenantSlug, String username) {
        String tenant = tenantSlug == null ? "" : tenantSlug.strip().toLowerCase(Locale.ROOT);
        return "account:" + tenant + "/" + username.strip().toLowerCase(Locale.ROOT);
    }

    public static String sourceKey(String address) {
        return "source:" + address;
    }

    /** Refuses when either key is locked now. */
    public void requireOpen(Instant now, String... keys) {
        for (String key : keys) {
            failures.find(key).filter(c -> c.lockedUntil() != null && c.lockedUntil().isAfter(now)).ifPresent(c -> {
                throw new Throttled(TenancyRule.LOGIN_THROTTLED, Duration.between(now, c.lockedUntil()),
                        "too many failed logins: try again later");
            });
        }
    }

    public void failed(Instant now, TenantId tenant, String username, String accountKey, String sourceKey) {
        count(now, accountKey, tenant, username, ACCOUNT_FREE);
        count(now, sourceKey, null, null, SOURCE_FREE);
    }

    public void succeeded(String accountKey) {
        failures.clear(accountKey);
    }

    private void count(Instant now, String key, TenantId tenant, String username, int free) {
        FailedLogins.Counter c = failures.recordFailure(key, tenant, username, now, now.minus(MEMORY));
        lockFor(c.failures(), free).ifPresent(d -> failures.lockUntil(key, now.plus(d)));
    }

    /** How long the key is locked after its n-th failure in a row, if at all. */
    static Optional<Duration> lockFor(int failures, int free) {
        if (failures <= free) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - free - 1, 20);
        Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
        return Optional.of(d.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : d);
    }
}
