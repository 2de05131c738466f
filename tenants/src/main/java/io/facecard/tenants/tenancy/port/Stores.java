package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port out: a tenant's stores. */
public interface Stores {
    /** Refuses with a conflict when the store code is taken in that tenant. */
    void add(Store store);

    void update(Store store);

    Optional<Store> find(TenantId tenant, UUID id);

    List<Store> list(TenantId tenant, int offset, int limit);
}
