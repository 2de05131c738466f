package io.facecard.adapters.outbound.biometrics;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.persistence.Constraints;
import io.facecard.adapters.outbound.tenancy.TenancyAxon;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenancyRule;
import io.facecard.domain.tenancy.TenantEvents.TenantOnboardedEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Gives every new tenant its own face-template partition and HNSW index, in the onboarding
 * transaction, without a lock other tenants' reads and writes wait behind (see Flyway V7).
 */
@Dependent
@ProcessingGroup(TenancyAxon.DIRECTORY)
public class FacePartitionProjection implements Projection {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @EventHandler
    void on(TenantOnboardedEvent e) {
        try {
            em.createNativeQuery("select cast(facecard_face_partition(?1) as text)").setParameter(1, e.tenantId().value())
                    .getSingleResult();
        } catch (PersistenceException busy) {
            if (Constraints.hasSqlState(busy, "55P03")) {
                throw new Refusal(TenancyRule.TEMPLATES_BUSY, "another tenant is being onboarded at this moment; retry shortly");
            }
            throw busy;
        }
    }
}
