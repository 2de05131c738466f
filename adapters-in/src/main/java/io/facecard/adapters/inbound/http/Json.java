package io.facecard.adapters.inbound.http;

import io.facecard.application.security.Role;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.tenants.tenancy.port.StaffAccount;
import io.facecard.tenants.tenancy.port.Store;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import io.facecard.tenants.tenancy.port.TenantView;
import io.facecard.tenants.tenancy.port.Terminal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The JSON shapes of the tenancy API. Responses never carry hashes or keys, except a new terminal's key once. */
public final class Json {
    private Json() {}

    public record Credentials(String tenant, String username, String password) {}

    public record Token(String access_token, String token_type, long expires_in) {}

    public record AdminDraft(String username, String password) {}

    public record TenantDraft(String name, String slug, String currency, String timezone, AdminDraft admin) {}

    public record TenantPatch(String name, String currency, String timezone, Limits limits) {}

    public record Limits(Integer requestsPerSecond, Integer burst, Integer faceConcurrency, Integer importWorkers) {
        public static Limits of(TenantLimits l) {
            return new Limits(l.requestsPerSecond(), l.burst(), l.faceConcurrency(), l.importWorkers());
        }
    }

    public record Suspension(String reason) {}

    /** {@code confirmSlug} repeats the tenant's slug: offboarding erases its members and cannot be undone. */
    public record Offboarding(String confirmSlug, String reason) {}

    public record TenantBody(UUID id, String slug, String name, String currency, String timezone, String status,
            Limits limits, Instant createdAt, Instant updatedAt) {
        public static TenantBody of(TenantView v) {
            return new TenantBody(v.id().value(), v.slug(), v.name(), v.currency(), v.timezone(), v.status().name(),
                    Limits.of(v.limits()), v.createdAt(), v.updatedAt());
        }
    }

    public record HistoryEntry(long sequence, String event, String actor, Instant at) {
        public static HistoryEntry of(TenantDirectory.TenantHistoryEntry e) {
            return new HistoryEntry(e.position(), e.event(), e.actor(), e.at());
        }
    }

    public record StoreDraft(String name, String code, String address, String timezone) {}

    public record StoreBody(UUID id, String name, String code, String address, String timezone,
            Instant createdAt, Instant updatedAt) {
        public static StoreBody of(Store s) {
            return new StoreBody(s.id(), s.name(), s.code(), s.address(), s.timezone(), s.createdAt(), s.updatedAt());
        }
    }

    public record TerminalDraft(TerminalKind kind, String name) {}

    public record TerminalBody(UUID id, UUID storeId, String kind, String name, String keyPrefix,
            Instant createdAt, Instant revokedAt, String apiKey) {
        public static TerminalBody of(Terminal t, String apiKey) {
            return new TerminalBody(t.id(), t.storeId(), t.kind().name(), t.name(), t.keyPrefix(), t.createdAt(),
                    t.revokedAt(), apiKey);
        }
    }

    public record UserDraft(String username, String password, String displayName, Set<Role> roles, Set<UUID> stores) {}

    public record UserBody(UUID id, String username, String displayName, List<String> roles, List<UUID> stores, boolean active,
            Instant createdAt, Instant updatedAt) {
        public static UserBody of(StaffAccount a) {
            return new UserBody(a.id(), a.username(), a.displayName(),
                    a.roles().stream().map(Role::name).sorted().toList(), a.stores().stream().sorted().toList(), a.active(),
                    a.createdAt(), a.updatedAt());
        }
    }

    public record Page<T>(List<T> items, int offset, int limit) {}
}
