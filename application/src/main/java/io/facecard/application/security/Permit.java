package io.facecard.application.security;

import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.util.Set;

/** Which staff roles and which terminal kinds may do something; answers with the caller's tenant. */
public record Permit(Set<Role> roles, Set<TerminalKind> terminals) {

    public TenantId tenantOf(Caller caller) {
        if (caller instanceof Caller.Staff s && s.roles().stream().anyMatch(roles::contains)) {
            return s.tenantId();
        }
        if (caller instanceof Caller.Terminal t && terminals.contains(t.kind())) {
            return t.tenantId();
        }
        throw Refusal.forbidden("this needs one of the roles " + roles + " or a terminal of kind " + terminals);
    }
}
