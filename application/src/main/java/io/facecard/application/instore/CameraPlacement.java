package io.facecard.application.instore;

import io.facecard.application.instore.port.Cameras;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.domain.instore.Placement;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** Says where a store's camera hangs; a camera nobody placed is refused when it posts. */
@ApplicationScoped
@Transactional
public class CameraPlacement {
    public static final Permit MANAGE = new Permit(Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER), Set.of());

    private Cameras cameras;

    /** For the CDI client proxy only. */
    protected CameraPlacement() {}

    @Inject
    public CameraPlacement(Cameras cameras) {
        this.cameras = cameras;
    }

    public void place(Caller caller, UUID store, UUID terminal, Placement placement) {
        TenantId tenant = MANAGE.tenantOf(caller);
        if (placement == null) {
            throw Refusal.invalid("'placement' is required");
        }
        if (!caller.worksIn(store) || !cameras.place(tenant, terminal, store, placement)) {
            throw Refusal.notFound("camera " + terminal + " of store " + store + " (a live terminal of kind CAMERA)");
        }
    }
}
