package io.facecard.application.membership.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.Optional;

/**
 * Port out: the command side's record of which member holds a phone, an e-mail or a card number
 * in a tenant, so uniqueness never depends on a read model. Claims are taken inside the use
 * case's transaction: of two registrations with one phone, exactly one commits its claim. The
 * store keeps keyed hashes of the normalised values, never the values.
 */
public interface IdentifierClaims {
    /** EXTERNAL is the chain's own id for the member (its CRM's). */
    enum Kind { PHONE, EMAIL, CARD, EXTERNAL }

    /** Who holds {@code value} now, if anyone. */
    Optional<MemberId> holder(TenantId tenant, Kind kind, String value);

    /** Claims {@code value} for {@code member}: empty when it is now theirs, else the member who holds it. */
    Optional<MemberId> claim(TenantId tenant, Kind kind, String value, MemberId member);

    /** Gives up {@code member}'s claim on {@code value}, if they hold it. */
    void release(TenantId tenant, Kind kind, String value, MemberId member);

    /** Erasure: every claim of the member goes. */
    void releaseAll(TenantId tenant, MemberId member);
}
