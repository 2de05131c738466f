package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantSlug;

/**
 * Port out: the command side's own index of slugs. Uniqueness cannot be decided by an
 * aggregate alone, nor safely by a read model that may lag, so it lives here.
 */
public interface TenantSlugs {
    /** @return false when another tenant holds the slug already */
    boolean claim(TenantSlug slug, TenantId tenant);
}
