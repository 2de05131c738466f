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

    record Operator(String username) implements Caller {
        @Override
        public String actor() {
            return "operator:" + username;
        }

        @Override
        public Optional<TenantId> tenant() {
            return Optional.empty();
        }
    }

    record Staff(TenantId tenantId, UUID userId, String username, Set<Role> roles) implements Caller {
        public Staff {
            roles = Set.copyOf(roles);
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
        public String actor() {
            return "terminal:" + terminalId;
        }

        @Override
        public Optional<TenantId> tenant() {
            return Optional.of(tenantId);
        }
    }
}
