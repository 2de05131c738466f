package io.facecard.adapters.outbound.tenancy;

import io.facecard.application.security.TerminalKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "terminal_key")
public class TerminalKeyRow {
    @Id
    @Column(name = "key_hash")
    String keyHash;
    @Column(name = "terminal_id")
    UUID terminalId;
    @Column(name = "tenant_id")
    UUID tenantId;
    @Column(name = "store_id")
    UUID storeId;
    @Enumerated(EnumType.STRING)
    TerminalKind kind;
    @Column(name = "revoked_at")
    Instant revokedAt;

    protected TerminalKeyRow() {}

    TerminalKeyRow(String keyHash, UUID terminalId, UUID tenantId, UUID storeId, TerminalKind kind) {
        this.keyHash = keyHash;
        this.terminalId = terminalId;
        this.tenantId = tenantId;
        this.storeId = storeId;
        this.kind = kind;
    }
}
