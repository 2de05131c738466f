package io.facecard.tenants.tenancy;

import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantStatus;
import io.facecard.tenants.tenancy.port.AccessTokens;
import io.facecard.tenants.tenancy.port.OperatorCredentials;
import io.facecard.tenants.tenancy.port.StaffAccount;
import io.facecard.tenants.tenancy.port.StaffAccounts;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import io.facecard.tenants.tenancy.port.TenantView;
import io.facecard.tenants.tenancy.port.Terminal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns credentials into a {@link Caller}, and re-checks a token's caller on every request, so
 * a suspended tenant or a deactivated account loses access at once rather than when the token expires.
 */
@ApplicationScoped
public class Authentication {
    /** {@code source} is the address the attempt came from, as the server saw it. */
    public record Login(String tenant, String username, String password, String source) {}

    private static final String BAD_CREDENTIALS = "the username or the password is wrong";

    private TenantDirectory directory;
    private StaffAccounts staff;
    private PasswordHashing passwords;
    private OperatorCredentials operator;
    private AccessTokens tokens;
    private RecentTerminals recent;
    private TerminalKeys keys;
    private LoginThrottle throttle;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected Authentication() {}

    @Inject
    public Authentication(TenantDirectory directory, StaffAccounts staff,
            PasswordHashing passwords, OperatorCredentials operator, AccessTokens tokens, RecentTerminals recent,
            TerminalKeys keys, LoginThrottle throttle, Clock clock) {
        this.directory = directory;
        this.staff = staff;
        this.passwords = passwords;
        this.operator = operator;
        this.tokens = tokens;
        this.recent = recent;
        this.keys = keys;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A failure is counted even though the login is refused: refusals do not roll the counters back. */
    @Transactional(dontRollbackOn = Refusal.class)
    public AccessTokens.IssuedToken login(Login login) {
        if (login.username() == null || login.password() == null) {
            throw Refusal.invalid("'username' and 'password' are required");
        }
        Instant now = clock.instant();
        String accountKey = LoginThrottle.accountKey(login.tenant(), login.username());
        String sourceKey = LoginThrottle.sourceKey(login.source());
        throttle.requireOpen(now, accountKey, sourceKey);
        if (login.tenant() == null) {
            if (!operator.matches(login.username(), login.password())) {
                throttle.failed(now, null, null, accountKey, sourceKey);
                throw Refusal.unauthenticated(BAD_CREDENTIALS);
            }
            throttle.succeeded(accountKey);
            return tokens.issue(new Caller.Operator(login.username()));
        }
        Optional<TenantView> tenant = directory.findBySlug(login.tenant().strip().toLowerCase(Locale.ROOT));
        Optional<StaffAccount> account = tenant.flatMap(t ->
                staff.findByUsername(t.id(), login.username().strip().toLowerCase(Locale.ROOT)));
        if (account.isEmpty()) {
            passwords.burnEquivalentTime(login.password());
            throttle.failed(now, null, null, accountKey, sourceKey);
            throw Refusal.unauthenticated(BAD_CREDENTIALS);
        }
        StaffAccount a = account.get();
        if (!passwords.matches(login.password(), a.passwordHash()) || !a.active()) {
            throttle.failed(now, a.tenantId(), a.username(), accountKey, sourceKey);
            throw Refusal.unauthenticated(BAD_CREDENTIALS);
        }
        throttle.succeeded(accountKey);
        if (tenant.get().status() != TenantStatus.ACTIVE) {
            throw Refusal.unauthenticated("the tenant '" + tenant.get().slug() + "' is " + tenant.get().status().name().toLowerCase());
        }
        return tokens.issue(a.asCaller());
    }

    /** The caller a verified token names, as it stands now; roles come from the account, not the token. */
    @Transactional
    public Caller confirm(Caller fromToken) {
        if (!(fromToken instanceof Caller.Staff s)) {
            return fromToken;
        }
        requireActive(directory, s.tenantId());
        StaffAccount a = staff.find(s.tenantId(), s.userId())
                .filter(StaffAccount::active)
                .orElseThrow(() -> Refusal.unauthenticated("the account is no longer active"));
        return a.asCaller();
    }

    /** A till's key: checked in the database at most every few seconds per key (see {@link RecentTerminals}). */
    public Caller.Terminal terminal(String apiKey) {
        if (!ApiKeys.looksLikeKey(apiKey)) {
            throw Refusal.unauthenticated("the bearer credential is neither a valid token nor a terminal key");
        }
        String hash = ApiKeys.hash(apiKey);
        return recent.get(hash, () -> keys.check(hash));
    }

    static void requireActive(TenantDirectory directory, TenantId tenant) {
        boolean active = directory.find(tenant).map(v -> v.status() == TenantStatus.ACTIVE).orElse(false);
        if (!active) {
            throw Refusal.unauthenticated("the tenant is suspended");
        }
    }
}
