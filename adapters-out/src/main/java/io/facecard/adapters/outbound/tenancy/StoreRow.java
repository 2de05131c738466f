package io.facecard.adapters.outbound.tenancy;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Store;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "store")
public class StoreRow {
    @Id
    UUID id;
    @Column(name = "tenant_id")
    UUID tenantId;
    String name;
    String code;
    String address;
    String timezone;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected StoreRow() {}

    StoreRow(Store s) {
        id = s.id();
        tenantId = s.tenantId().value();
        copy(s);
    }

    void copy(Store s) {
        name = s.name();
        code = s.code();
        address = s.address();
        timezone = s.timezone();
        createdAt = s.createdAt();
        updatedAt = s.updatedAt();
    }

    Store toStore() {
        return new Store(id, new TenantId(tenantId), name, code, address, timezone, createdAt, updatedAt);
    }
}
