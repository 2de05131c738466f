package io.facecard.adapters.outbound.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "member_consent")
@IdClass(ConsentRow.Key.class)
public class ConsentRow {
    @Id
    @Column(name = "member_id")
    UUID memberId;
    @Id
    long sequence;
    @Column(name = "tenant_id")
    UUID tenantId;
    String purpose;
    boolean granted;
    @Column(name = "policy_version")
    String policyVersion;
    String source;
    String actor;
    Instant at;

    public record Key(UUID memberId, long sequence) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
