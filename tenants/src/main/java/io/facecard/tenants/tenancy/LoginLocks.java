package io.facecard.tenants.tenancy;

import static io.facecard.application.security.Role.TENANT_ADMIN;

import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.FailedLogins;
import io.facecard.tenants.tenancy.port.StaffAccount;
import io.facecard.tenants.tenancy.port.StaffAccounts;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tenant admin sees which of its accounts failed logins locked, and lifts a lock. */
@ApplicationScoped
@Transactional
public class LoginLocks {
    public record LockView(UUID userId, String username, int failures, Instant lockedUntil) {}

    private FailedLogins failures;
    private StaffAccounts staff;
    private TenantDirectory directory;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected LoginLocks() {}

    @Inject
    public LoginLocks(FailedLogins failures, StaffAccounts staff, TenantDirectory directory, Clock clock) {
        this.failures = failures;
        this.staff = staff;
        this.directory = directory;
        this.clock = clock;
    }

    public List<LockView> list(Caller caller) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN);
        return failures.locked(tenant, clock.instant()).stream()
                .flatMap(c -> staff.findByUsername(tenant, c.username()).stream()
                        .map(a -> new LockView(a.id(), a.username(), c.failures(), c.lockedUntil())))
                .toList();
    }

    /** Clears the account's counter, so its next attempt is judged afresh. Lifting an open account changes nothing. */
    public void lift(Caller caller, UUID userId) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN);
        StaffAccount a = staff.find(tenant, userId).orElseThrow(() -> Refusal.notFound("user " + userId));
        String slug = directory.find(tenant).orElseThrow(() -> Refusal.notFound("tenant " + tenant)).slug();
        failures.clear(LoginThrottle.accountKey(slug, a.username()));
    }
}
