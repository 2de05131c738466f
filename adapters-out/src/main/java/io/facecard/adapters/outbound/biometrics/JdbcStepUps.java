package io.facecard.adapters.outbound.biometrics;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.membership.port.StepUps;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@TenantBound
public class JdbcStepUps implements StepUps {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void open(TenantId tenant, String tokenHash, List<MemberId> candidates, double score, Double liveness, Instant expiresAt,
            float[] probe) {
        Jdbc.update(em, "insert into face_step_up (tenant_id, token_hash, candidates, score, liveness, expires_at, probe)"
                + " values (?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), tokenHash, candidates.stream().map(m -> m.value().toString()).collect(Collectors.joining(",")),
                score, liveness == null || liveness.isNaN() ? Jdbc.NO_DOUBLE : liveness, expiresAt, probe == null ? Jdbc.NO_TEXT : PgVectorFaceTemplates.literal(probe));
    }

    @Override
    public Optional<Open> lock(TenantId tenant, String tokenHash) {
        return Jdbc.query(em, "select candidates, score, liveness, expires_at, failures, used, probe from face_step_up "
                + "where tenant_id = ? and token_hash = ? for update", r -> new Open(
                        Arrays.stream(r.getString(1).split(",")).map(id -> new MemberId(UUID.fromString(id))).toList(),
                        r.getDouble(2), (Double) r.getObject(3), Jdbc.instant(r, 4), r.getInt(5), r.getBoolean(6),
                        r.getString(7) == null ? null : PgVectorFaceTemplates.parse(r.getString(7))),
                tenant.value(), tokenHash).stream().findFirst();
    }

    @Override
    public int failed(TenantId tenant, String tokenHash) {
        return Jdbc.query(em, "update face_step_up set failures = failures + 1 where tenant_id = ? and token_hash = ? returning failures",
                r -> r.getInt(1), tenant.value(), tokenHash).get(0);
    }

    @Override
    public void used(TenantId tenant, String tokenHash) {
        Jdbc.update(em, "update face_step_up set used = true, probe = null where tenant_id = ? and token_hash = ?", tenant.value(), tokenHash);
    }

    @Override
    public void memberFailed(TenantId tenant, MemberId member, Instant at) {
        Jdbc.update(em, "insert into face_step_up_failure (tenant_id, member_id, failed_at) values (?, ?, ?)",
                tenant.value(), member.value(), at);
    }

    @Override
    public List<Instant> memberFailures(TenantId tenant, MemberId member, Instant since) {
        return Jdbc.query(em, "select failed_at from face_step_up_failure where tenant_id = ? and member_id = ? and failed_at > ? "
                + "order by failed_at", r -> Jdbc.instant(r, 1), tenant.value(), member.value(), since);
    }

    @Override
    public void forget(TenantId tenant, Instant before) {
        Jdbc.update(em, "delete from face_step_up where tenant_id = ? and expires_at < ?", tenant.value(), before);
        Jdbc.update(em, "delete from face_step_up_failure where tenant_id = ? and failed_at < ?", tenant.value(), before);
    }
}
