package io.facecard.application.security;

import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.util.Set;
import java.util.stream.Collectors;

/** Which staff roles and which terminal kinds may do something; answers with the caller's tenant. */
public record Permit(Set<Role> roles, Set<TerminalKind> terminals) {
    /** A till at work: the POS and the self-service kiosk. Checkout and payment both answer to it. */
    public static final Permit TILL = new Permit(Set.of(), Set.of(TerminalKind.POS, TerminalKind.KIOSK));

    public TenantId tenantOf(Caller caller) {
        if (caller instanceof Caller.Staff s && s.roles().stream().anyMatch(roles::contains)) {
            return s.tenantId();
        }
        if (caller instanceof Caller.Terminal t && terminals.contains(t.kind())) {
            return t.tenantId();
        }
        throw Refusal.forbidden("this needs " + who());
    }

    /** Says who may, naming only what is allowed (no empty role or terminal list). */
    String who() {
        String staff = roles.isEmpty() ? null : "a staff account with one of the roles " + sorted(roles);
        String tills = terminals.isEmpty() ? null : "a terminal of kind " + sorted(terminals);
        if (staff == null && tills == null) {
            return "a caller this platform does not have";
        }
        return staff == null ? tills : tills == null ? staff : staff + " or " + tills;
    }

    private static String sorted(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
