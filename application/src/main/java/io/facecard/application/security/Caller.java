package io.facecard.application.security;

import io.facecard.domain.tenancy.TenantId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as established from the credential alone. The tenant of a request comes from
 * here and nowhere else: never from a path or a body the caller controls.
 */
public sealed interface Caller {

    /** A name for audit trails; never a secret. */
    String actor();

    Optional<TenantId> tenant();

    /** Whether this caller may see the data of the store (of its own tenant: the tenant is checked apart). */
    boolean worksIn(UUID store);

    record Operator(String username) implements Caller {
        @Override
        public String actor() {
            return "operator:" + username;
        }

        @Override
        public Optional<TenantId> tenant() {
            return Optional.empty();
        }

        @Override
        public boolean worksIn(UUID store) {
            return false;
        }
    }

    /**
     * A person of the chain's staff. {@code stores} are the stores the account works in: empty for the whole chain (its
     * admins, marketers, area managers), otherwise a store manager or cashier sees only those stores' data.
     */
    record Staff(TenantId tenantId, UUID userId, String username, Set<Role> roles, Set<UUID> stores) implements Caller {
        public Staff {
            roles = Set.copyOf(roles);
            stores = Set.copyOf(stores);
        }

        /** A chain-wide account. */
        public Staff(TenantId tenantId, UUID userId, String username, Set<Role> roles) {
            this(tenantId, userId, username, roles, Set.of());
        }

        @Override
        public boolean worksIn(UUID store) {
            return stores.isEmpty() || stores.contains(store);
        }

        @Override
        public String actor() {
            return "staff:" + userId;
        }

        @Override
        public Optional<TenantId> tenant() {
            return Optional.of(tenantId);
        }
    }

    record Terminal(TenantId tenantId, UUID storeId, UUID terminalId, TerminalKind kind) implements Caller {
        @Override
        public boolean worksIn(UUID store) {
            return storeId.equals(store);
        }

        @Override
        public String actor() {
            return "terminal:" + terminalId;
        }

        @Override
        public Optional<TenantId> tenant() {
            return Optional.of(tenantId);
        }
    }
}
