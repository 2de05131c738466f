package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.membership.port.IdentifierClaims;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Claims in {@code member_claim}, keyed by HMAC-SHA256 under the platform's claim key (a Secret). */
@ApplicationScoped
@TenantBound
public class JdbcIdentifierClaims implements IdentifierClaims {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;
    @Inject
    @ConfigProperty(name = "facecard.claims.key")
    String key;

    private SecretKeySpec secret;

    @PostConstruct
    void init() {
        if (key == null || key.length() < 16) {
            throw new IllegalStateException("facecard.claims.key (FACECARD_CLAIMS_KEY) must be at least 16 characters");
        }
        secret = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** ON CONFLICT keeps the transaction usable; a concurrent claim of the same value waits for the first to end. */
    @Override
    public Optional<MemberId> claim(TenantId tenant, Kind kind, String value, MemberId member) {
        byte[] digest = digest(tenant, kind, value);
        List<UUID> holder = Jdbc.query(em, "insert into member_claim (tenant_id, kind, digest, member_id) values (?, ?, ?, ?) "
                + "on conflict (tenant_id, kind, digest) do update set member_id = member_claim.member_id returning member_id",
                r -> Jdbc.uuid(r, 1), Jdbc.uuid(tenant.value()), kind.name(), digest, Jdbc.uuid(member.value()));
        MemberId owner = new MemberId(holder.get(0));
        return owner.equals(member) ? Optional.empty() : Optional.of(owner);
    }

    @Override
    public Optional<MemberId> holder(TenantId tenant, Kind kind, String value) {
        return Jdbc.query(em, "select member_id from member_claim where tenant_id = ? and kind = ? and digest = ?",
                r -> new MemberId(Jdbc.uuid(r, 1)), Jdbc.uuid(tenant.value()), kind.name(), digest(tenant, kind, value))
                .stream().findFirst();
    }

    @Override
    public void release(TenantId tenant, Kind kind, String value, MemberId member) {
        Jdbc.update(em, "delete from member_claim where tenant_id = ? and kind = ? and digest = ? and member_id = ?",
                Jdbc.uuid(tenant.value()), kind.name(), digest(tenant, kind, value), Jdbc.uuid(member.value()));
    }

    @Override
    public void releaseAll(TenantId tenant, MemberId member) {
        Jdbc.update(em, "delete from member_claim where tenant_id = ? and member_id = ?", Jdbc.uuid(tenant.value()),
                Jdbc.uuid(member.value()));
    }

    /**
     * Members registered before claims existed get theirs from the read model, once: a tenant whose
     * living members all hold claims costs one anti-join at start.
     */
    @Transactional
    public int backfill() {
        int added = 0;
        for (UUID t : Jdbc.query(em, "select id from tenant_view", r -> Jdbc.uuid(r, 1))) {
            TenantId tenant = new TenantId(t);
            binding.bind(em, tenant);
            List<String[]> members = Jdbc.query(em, "select id, phone, email, card_number from member_view m where tenant_id = ? "
                    + "and not erased and not exists (select 1 from member_claim c where c.tenant_id = m.tenant_id and c.member_id = m.id)",
                    r -> new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)}, Jdbc.uuid(t));
            for (String[] m : members) {
                MemberId member = new MemberId(UUID.fromString(m[0]));
                Kind[] kinds = {Kind.PHONE, Kind.EMAIL, Kind.CARD};
                for (int i = 0; i < kinds.length; i++) {
                    if (m[i + 1] != null && claim(tenant, kinds[i], m[i + 1], member).isEmpty()) {
                        added++;
                    }
                }
            }
        }
        return added;
    }

    byte[] digest(TenantId tenant, Kind kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal((tenant + "\n" + kind.name() + "\n" + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
