package io.facecard.adapters.outbound.tenancy;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.domain.tenancy.TenantStatus;
import io.facecard.tenants.tenancy.port.TenantView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant_view")
public class TenantViewRow {
    @Id
    UUID id;
    String slug;
    String name;
    String currency;
    String timezone;
    @Enumerated(EnumType.STRING)
    TenantStatus status;
    /** Null until the operator sets limits: the defaults apply, and they can change with a release. */
    @Column(name = "limit_requests_per_second")
    Integer requestsPerSecond;
    @Column(name = "limit_burst")
    Integer burst;
    @Column(name = "limit_face_concurrency")
    Integer faceConcurrency;
    @Column(name = "limit_import_workers")
    Integer importWorkers;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected TenantViewRow() {}

    TenantViewRow(UUID id, String slug, Instant at) {
        this.id = id;
        this.slug = slug;
        this.createdAt = at;
        this.status = TenantStatus.ACTIVE;
    }

    TenantView toView() {
        TenantLimits limits = requestsPerSecond == null ? TenantLimits.DEFAULT
                : new TenantLimits(requestsPerSecond, burst, faceConcurrency, importWorkers);
        return new TenantView(new TenantId(id), slug, name, currency, timezone, status, limits, createdAt, updatedAt);
    }
}
