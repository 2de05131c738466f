package io.facecard.adapters.outbound.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant_history")
@IdClass(TenantHistoryRow.Key.class)
public class TenantHistoryRow {
    @Id
    @Column(name = "tenant_id")
    UUID tenantId;
    @Id
    long sequence;
    String event;
    String actor;
    Instant at;

    public record Key(UUID tenantId, long sequence) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
