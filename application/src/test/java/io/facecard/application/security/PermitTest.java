package io.facecard.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PermitTest {
    static final TenantId CHAIN = new TenantId(new UUID(3, 1));

    @Test
    void aRefusalNamesOnlyWhoMayNeverAnEmptyList() {
        Permit tillsOnly = new Permit(Set.of(), Set.of(TerminalKind.POS, TerminalKind.KIOSK));
        assertThatThrownBy(() -> tillsOnly.tenantOf(new Caller.Staff(CHAIN, new UUID(3, 2), "ann", Set.of(Role.CASHIER))))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.category()).isEqualTo(Category.FORBIDDEN);
                    assertThat(r.getMessage()).isEqualTo("this needs a terminal of kind KIOSK, POS").doesNotContain("[]");
                });
        Permit both = new Permit(Set.of(Role.TENANT_ADMIN), Set.of(TerminalKind.APP));
        assertThat(both.who()).isEqualTo("a staff account with one of the roles TENANT_ADMIN or a terminal of kind APP");
        assertThat(new Permit(Set.of(Role.TENANT_ADMIN), Set.of()).who()).isEqualTo("a staff account with one of the roles TENANT_ADMIN");
    }

    @Test
    void aPermittedCallerAnswersWithItsOwnTenant() {
        Permit admins = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());
        assertThat(admins.tenantOf(new Caller.Staff(CHAIN, new UUID(3, 2), "ann", Set.of(Role.TENANT_ADMIN)))).isEqualTo(CHAIN);
    }
}
