package io.facecard.adapters.outbound.tenancy;

import io.facecard.application.security.TerminalKind;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Terminal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "terminal")
public class TerminalRow {
    @Id
    UUID id;
    @Column(name = "tenant_id")
    UUID tenantId;
    @Column(name = "store_id")
    UUID storeId;
    @Enumerated(EnumType.STRING)
    TerminalKind kind;
    String name;
    @Column(name = "key_prefix")
    String keyPrefix;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "revoked_at")
    Instant revokedAt;

    protected TerminalRow() {}

    TerminalRow(Terminal t) {
        id = t.id();
        tenantId = t.tenantId().value();
        storeId = t.storeId();
        kind = t.kind();
        name = t.name();
        keyPrefix = t.keyPrefix();
        createdAt = t.createdAt();
        revokedAt = t.revokedAt();
    }

    /** The hash is not kept here: it lives only in the key index. */
    Terminal toTerminal() {
        return new Terminal(id, new TenantId(tenantId), storeId, kind, name, null, keyPrefix, createdAt, revokedAt);
    }
}
