package io.facecard.tenants.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.StaffAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StaffManagementTest {
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final InMemoryStaff staff = new InMemoryStaff();
    private final UUID mitte = UUID.randomUUID();
    private final StaffManagement management = new StaffManagement(staff, new OneStore(tenant, mitte), new PasswordHashing(10_000),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final StaffAccount admin = new StaffAccount(UUID.randomUUID(), tenant, "admin", null, "x",
            Set.of(Role.TENANT_ADMIN), Set.of(), true, Instant.EPOCH, Instant.EPOCH);
    private final Caller asAdmin = new Caller.Staff(tenant, admin.id(), "admin", Set.of(Role.TENANT_ADMIN));

    StaffManagementTest() {
        staff.add(admin);
    }

    private static StaffManagement.StaffDraft draft(String username, Role... roles) {
        return new StaffManagement.StaffDraft(username, "long-enough-password", null, Set.of(roles));
    }

    @Test
    void usernamesAreCaseInsensitiveAndUniquePerTenant() {
        StaffAccount a = management.create(asAdmin, draft("Cashier.One", Role.CASHIER));
        assertThat(a.username()).isEqualTo("cashier.one");
        assertThatThrownBy(() -> management.create(asAdmin, draft("CASHIER.ONE", Role.MARKETER)))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).category()).isEqualTo(Category.CONFLICT);
    }

    @Test
    void theLastAdminCannotBeRemovedOrDemotedButOneOfTwoCan() {
        assertThatThrownBy(() -> management.remove(asAdmin, admin.id())).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> management.change(asAdmin, admin.id(), new StaffManagement.StaffDraft(null, null, null, Set.of(Role.CASHIER))))
                .isInstanceOf(Refusal.class);
        StaffAccount second = management.create(asAdmin, draft("second", Role.TENANT_ADMIN));
        management.remove(asAdmin, second.id());
        assertThat(staff.find(tenant, second.id())).get().extracting(StaffAccount::active).isEqualTo(false);
    }

    @Test
    void otherRolesAndOtherTenantsAreRefused() {
        Caller cashier = new Caller.Staff(tenant, UUID.randomUUID(), "c", Set.of(Role.CASHIER));
        assertThatThrownBy(() -> management.create(cashier, draft("x-user", Role.CASHIER)))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).category()).isEqualTo(Category.FORBIDDEN);
        Caller otherAdmin = new Caller.Staff(new TenantId(UUID.randomUUID()), UUID.randomUUID(), "a", Set.of(Role.TENANT_ADMIN));
        assertThatThrownBy(() -> management.get(otherAdmin, admin.id()))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).category()).isEqualTo(Category.NOT_FOUND);
        assertThatThrownBy(() -> management.get(new Caller.Operator("op"), admin.id())).isInstanceOf(Refusal.class);
    }

    @Test
    void weakPasswordsAndEmptyRolesAreInvalid() {
        assertThatThrownBy(() -> management.create(asAdmin, new StaffManagement.StaffDraft("weak", "short", null, Set.of(Role.CASHIER))))
                .isInstanceOf(Refusal.class).hasMessageContaining("password");
        assertThatThrownBy(() -> management.create(asAdmin, new StaffManagement.StaffDraft("noroles", "long-enough-password", null, Set.of())))
                .isInstanceOf(Refusal.class).hasMessageContaining("roles");
    }

    @Test
    void aStoreManagerWorksInTheTenantsStoresAndAnAdminInAllOfThem() {
        StaffAccount manager = management.create(asAdmin,
                new StaffManagement.StaffDraft("manager", "long-enough-password", null, Set.of(Role.STORE_MANAGER), Set.of(mitte)));
        assertThat(manager.stores()).containsExactly(mitte);
        assertThat(manager.asCaller().worksIn(mitte)).isTrue();
        assertThat(manager.asCaller().worksIn(UUID.randomUUID())).isFalse();
        StaffAccount renamed = management.change(asAdmin, manager.id(), new StaffManagement.StaffDraft(null, null, "M", null));
        assertThat(renamed.stores()).as("a patch without stores keeps them").containsExactly(mitte);
        assertThatThrownBy(() -> management.change(asAdmin, manager.id(),
                new StaffManagement.StaffDraft(null, null, null, null, Set.of(UUID.randomUUID()))))
                .isInstanceOf(Refusal.class).hasMessageContaining("not a store of this tenant");
        assertThatThrownBy(() -> management.change(asAdmin, manager.id(),
                new StaffManagement.StaffDraft(null, null, null, Set.of(Role.TENANT_ADMIN), null)))
                .isInstanceOf(Refusal.class).hasMessageContaining("whole chain");
        assertThat(management.change(asAdmin, manager.id(), new StaffManagement.StaffDraft(null, null, null, null, Set.of()))
                .asCaller().worksIn(UUID.randomUUID())).as("no stores: the whole chain").isTrue();
    }
}
