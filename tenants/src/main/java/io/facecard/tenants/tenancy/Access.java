package io.facecard.tenants.tenancy;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.util.Arrays;
import java.util.Set;

/** The role rules every tenancy use case applies before it does anything. */
public final class Access {
    private Access() {}

    public static Caller.Operator operator(Caller caller) {
        if (caller instanceof Caller.Operator op) {
            return op;
        }
        throw Refusal.forbidden("only the platform operator may do this");
    }

    /** The caller's tenant, when the caller is staff holding one of the roles. */
    public static TenantId staffOf(Caller caller, Role... allowed) {
        if (caller instanceof Caller.Staff staff && intersects(staff.roles(), allowed)) {
            return staff.tenantId();
        }
        throw Refusal.forbidden("this needs one of the roles " + Arrays.toString(allowed));
    }

    private static boolean intersects(Set<Role> held, Role[] allowed) {
        return Arrays.stream(allowed).anyMatch(held::contains);
    }
}
