package io.facecard.application.membership;

import io.facecard.application.membership.port.IdentifierClaims;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The claim port as the real one behaves: per tenant and kind, first come first served. */
public final class InMemoryClaims implements IdentifierClaims {
    record Key(TenantId tenant, Kind kind, String value) {}

    final Map<Key, MemberId> held = new HashMap<>();

    @Override
    public Optional<MemberId> claim(TenantId tenant, Kind kind, String value, MemberId member) {
        MemberId owner = held.putIfAbsent(new Key(tenant, kind, value), member);
        return owner == null || owner.equals(member) ? Optional.empty() : Optional.of(owner);
    }

    @Override
    public Optional<MemberId> holder(TenantId tenant, Kind kind, String value) {
        return Optional.ofNullable(held.get(new Key(tenant, kind, value)));
    }

    @Override
    public void release(TenantId tenant, Kind kind, String value, MemberId member) {
        held.remove(new Key(tenant, kind, value), member);
    }

    @Override
    public void releaseAll(TenantId tenant, MemberId member) {
        held.entrySet().removeIf(e -> e.getKey().tenant().equals(tenant) && e.getValue().equals(member));
    }
}
