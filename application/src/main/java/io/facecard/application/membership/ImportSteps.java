package io.facecard.application.membership;

import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.membership.port.IdentifierClaims;
import io.facecard.application.membership.port.MemberDirectory.ConsentEntry;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.application.security.Caller;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.ConsentSource;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.Optional;

/**
 * What an import row may do, each step through the same use case a single call uses (so the
 * same rules, and a short transaction each). A face scan refused for the tenant's share is
 * waited out: the import yields to the tills, it does not fail a row for their sake.
 */
@ApplicationScoped
@Transactional
public class ImportSteps {
    private static final long SHARE_WAIT_MILLIS = 200;

    private Members members;
    private Faces faces;
    private IdentifierClaims claims;

    /** For the container's proxy. */
    protected ImportSteps() {}

    @Inject
    public ImportSteps(Members members, Faces faces, IdentifierClaims claims) {
        this.members = members;
        this.faces = faces;
        this.claims = claims;
    }

    /** The member a row stands for, if it was imported (or registered) before: by CRM id, else by card number. */
    Optional<MemberId> existing(TenantId tenant, PersonalData d) {
        if (d.externalId() != null) {
            return claims.holder(tenant, IdentifierClaims.Kind.EXTERNAL, d.externalId());
        }
        return d.cardNumber() == null ? Optional.empty() : claims.holder(tenant, IdentifierClaims.Kind.CARD, d.cardNumber());
    }

    /** For a dry run: the duplicate a registration would be refused for, if any. */
    Optional<String> takenIdentifier(TenantId tenant, PersonalData d) {
        if (d.phone() != null && claims.holder(tenant, IdentifierClaims.Kind.PHONE, d.phone()).isPresent()) {
            return Optional.of("duplicate-phone");
        }
        if (d.email() != null && claims.holder(tenant, IdentifierClaims.Kind.EMAIL, d.email()).isPresent()) {
            return Optional.of("duplicate-email");
        }
        return Optional.empty();
    }

    MemberId register(Caller caller, PersonalData d) {
        return members.register(caller, d).id();
    }

    boolean hasFace(Caller caller, MemberId member) {
        return !faces.list(caller, member).isEmpty();
    }

    /** Records the row's consent unless the member's current one already says the same. */
    void consent(Caller caller, MemberId member, ConsentPurpose purpose, Boolean granted, String policyVersion) {
        if (granted == null) {
            return;
        }
        Optional<ConsentEntry> current = members.consents(caller, member).stream().filter(c -> c.purpose() == purpose)
                .max(Comparator.comparing(ConsentEntry::at));
        if (current.isPresent() && current.get().granted() == granted && current.get().policyVersion().equals(policyVersion)) {
            return;
        }
        members.recordConsent(caller, member, purpose, granted, policyVersion, ConsentSource.IMPORT);
    }

    /** No transaction while waiting for the face pipeline: each attempt is its own. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    FaceScan inspect(Caller caller, byte[] photo) {
        while (true) {
            try {
                return faces.inspectInBackground(caller, photo);
            } catch (Refusal r) {
                awaitShare(r);
            }
        }
    }

    void enrol(Caller caller, MemberId member, FaceScan scan) {
        faces.enrolScanned(caller, member, scan);
    }

    private static void awaitShare(Refusal r) {
        if (r.category() != Category.TOO_MANY_REQUESTS && r.category() != Category.UNAVAILABLE) {
            throw r;
        }
        try {
            Thread.sleep(SHARE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the face pipeline", e);
        }
    }
}
