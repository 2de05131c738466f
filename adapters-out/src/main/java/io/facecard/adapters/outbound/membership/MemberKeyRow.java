package io.facecard.adapters.outbound.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "member_key")
public class MemberKeyRow {
    @Id
    @Column(name = "member_id")
    UUID memberId;
    @Column(name = "tenant_id")
    UUID tenantId;
    byte[] key;

    protected MemberKeyRow() {}

    MemberKeyRow(UUID memberId, UUID tenantId, byte[] key) {
        this.memberId = memberId;
        this.tenantId = tenantId;
        this.key = key;
    }
}
