package io.facecard.application.loyalty.port;

import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** A tenant's loyalty program and the terms (currency, time zone) money and expiry dates are reckoned in. */
public interface Programs {
    record TenantTerms(String currency, ZoneId zone) {}

    Optional<LoyaltyProgram> find(TenantId tenant);

    void save(TenantId tenant, LoyaltyProgram program, String actor, Instant at);

    TenantTerms terms(TenantId tenant);
}
