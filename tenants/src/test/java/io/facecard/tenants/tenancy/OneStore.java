package io.facecard.tenants.tenancy;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Store;
import io.facecard.tenants.tenancy.port.Stores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant with one store, for tests that only look stores up. */
record OneStore(TenantId tenant, UUID id) implements Stores {
    @Override
    public void add(Store store) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void update(Store store) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Store> find(TenantId t, UUID store) {
        return t.equals(tenant) && store.equals(id)
                ? Optional.of(new Store(id, tenant, "Mitte", "MITTE", null, "Europe/Berlin", Instant.EPOCH, Instant.EPOCH))
                : Optional.empty();
    }

    @Override
    public List<Store> list(TenantId t, int offset, int limit) {
        return find(t, id).stream().toList();
    }
}
