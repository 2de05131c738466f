package io.facecard.adapters.out.membership;

import io.facecard.adapters.out.axon.Projection;
import io.facecard.adapters.out.tenancy.TenancyAxon;
import io.facecard.domain.tenancy.TenantEvents.TenantOnboardedEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Gives every new tenant its own face-template partition and HNSW index, in the onboarding transaction. */
@Dependent
@ProcessingGroup(TenancyAxon.DIRECTORY)
public class FacePartitionProjection implements Projection {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @EventHandler
    void on(TenantOnboardedEvent e) {
        em.createNativeQuery("select cast(facecard_face_partition(?1) as text)").setParameter(1, e.tenantId().value()).getSingleResult();
    }
}
