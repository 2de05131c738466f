package io.facecard.application.membership;

import io.facecard.application.membership.port.MemberKeys;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryKeys implements MemberKeys {
    final Map<MemberId, byte[]> keys = new HashMap<>();

    @Override
    public byte[] create(TenantId tenant, MemberId member) {
        byte[] key = Sealing.newKey();
        keys.put(member, key);
        return key;
    }

    @Override
    public Optional<byte[]> find(TenantId tenant, MemberId member) {
        return Optional.ofNullable(keys.get(member));
    }

    @Override
    public void destroy(TenantId tenant, MemberId member) {
        keys.remove(member);
    }
}
