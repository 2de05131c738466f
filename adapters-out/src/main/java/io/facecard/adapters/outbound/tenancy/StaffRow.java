package io.facecard.adapters.outbound.tenancy;

import io.facecard.application.security.Role;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.StaffAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

@Entity
@Table(name = "staff_account")
public class StaffRow {
    @Id
    UUID id;
    @Column(name = "tenant_id")
    UUID tenantId;
    String username;
    @Column(name = "display_name")
    String displayName;
    @Column(name = "password_hash")
    String passwordHash;
    String roles;
    /** Comma-separated store ids, empty for the whole chain. */
    String stores;
    boolean active;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected StaffRow() {}

    StaffRow(StaffAccount a) {
        id = a.id();
        tenantId = a.tenantId().value();
        username = a.username();
        copy(a);
    }

    void copy(StaffAccount a) {
        displayName = a.displayName();
        passwordHash = a.passwordHash();
        roles = a.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        stores = a.stores().stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
        active = a.active();
        createdAt = a.createdAt();
        updatedAt = a.updatedAt();
    }

    StaffAccount toAccount() {
        return new StaffAccount(id, new TenantId(tenantId), username, displayName, passwordHash,
                Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet()),
                Arrays.stream(stores.split(",")).filter(s -> !s.isEmpty()).map(UUID::fromString).collect(Collectors.toSet()),
                active, createdAt, updatedAt);
    }
}
