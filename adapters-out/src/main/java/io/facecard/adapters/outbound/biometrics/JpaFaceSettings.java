package io.facecard.adapters.outbound.biometrics;

import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.biometrics.port.FaceSettingsStore;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
@TenantBound
public class JpaFaceSettings implements FaceSettingsStore {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public FaceSettings of(TenantId tenant) {
        List<?> rows = em.createNativeQuery("select match_threshold, ambiguity_margin, min_face_pixels, confident_threshold, "
                        + "false_accepts_per_10k, liveness_for_loyalty, liveness_for_payments, min_liveness, refresh_from_till "
                        + "from face_settings where tenant_id = ?1")
                .setParameter(1, tenant.value()).getResultList();
        if (rows.isEmpty()) {
            return FaceSettings.DEFAULT;
        }
        Object[] r = (Object[]) rows.get(0);
        FaceSettings d = FaceSettings.DEFAULT;
        return new FaceSettings(((Number) r[0]).doubleValue(), r[3] == null ? null : ((Number) r[3]).doubleValue(),
                ((Number) r[1]).doubleValue(), ((Number) r[2]).intValue(),
                r[4] == null ? d.falseAcceptsPer10k() : ((Number) r[4]).doubleValue(),
                r[5] == null ? d.livenessForLoyalty() : (Boolean) r[5], r[6] == null ? d.livenessForPayments() : (Boolean) r[6],
                r[7] == null ? d.minLiveness() : ((Number) r[7]).doubleValue(), r[8] == null ? d.refreshFromTill() : (Boolean) r[8]);
    }

    @Override
    public void put(TenantId tenant, FaceSettings s) {
        em.createNativeQuery("insert into face_settings (tenant_id, match_threshold, ambiguity_margin, min_face_pixels, "
                        + "confident_threshold, false_accepts_per_10k, liveness_for_loyalty, liveness_for_payments, min_liveness, "
                        + "refresh_from_till) values (?1, ?2, ?3, ?4, cast(?5 as double precision), ?6, ?7, ?8, ?9, ?10) "
                        + "on conflict (tenant_id) do update set match_threshold = excluded.match_threshold, "
                        + "ambiguity_margin = excluded.ambiguity_margin, min_face_pixels = excluded.min_face_pixels, "
                        + "confident_threshold = excluded.confident_threshold, false_accepts_per_10k = excluded.false_accepts_per_10k, "
                        + "liveness_for_loyalty = excluded.liveness_for_loyalty, liveness_for_payments = excluded.liveness_for_payments, "
                        + "min_liveness = excluded.min_liveness, refresh_from_till = excluded.refresh_from_till")
                .setParameter(1, tenant.value()).setParameter(2, s.matchThreshold()).setParameter(3, s.ambiguityMargin())
                .setParameter(4, s.minFacePixels()).setParameter(5, s.confidentThreshold() == null ? null : s.confidentThreshold().toString())
                .setParameter(6, s.falseAcceptsPer10k()).setParameter(7, s.livenessForLoyalty()).setParameter(8, s.livenessForPayments())
                .setParameter(9, s.minLiveness()).setParameter(10, s.refreshFromTill()).executeUpdate();
    }
}
