package io.facecard.application.membership.port;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.membership.MemberId;
import java.util.Set;

/**
 * What membership publishes to other contexts: a member as the caller may see them. Checkout, loyalty, payment and
 * messaging find a member through this, never through membership's use cases.
 */
public interface MemberAccess {
    /** Who may look a member up: the tenant's staff at work and its terminals. */
    Permit PERMIT = new Permit(Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER, Role.CASHIER),
            Set.of(TerminalKind.APP, TerminalKind.KIOSK, TerminalKind.POS));

    /** The member of the caller's tenant, or a not-found refusal (another tenant's member is not found either). */
    MemberView get(Caller caller, MemberId id);
}
