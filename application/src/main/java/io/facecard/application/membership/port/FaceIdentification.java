package io.facecard.application.membership.port;

import io.facecard.application.security.Caller;
import io.facecard.domain.checkout.FaceProof;
import io.facecard.domain.tenancy.TenantId;
import java.util.List;

/**
 * What membership publishes for knowing a customer at the till: by face (one photo or a burst), by the phone's digits
 * after a CONFIRM, by card or phone, and what a face-pay needs of the match. Checkout and payment use this, never
 * membership's use cases; the faces themselves are biometrics' business behind it.
 */
public interface FaceIdentification {
    Identification identify(Caller caller, byte[] image);

    /** 1:N identification of one customer from a burst of frames, fused into one probe. */
    Identification identify(Caller caller, List<byte[]> frames);

    /** The customer's phone digits against a CONFIRM's token. */
    Identification confirm(Caller caller, String candidateToken, String phoneLast4);

    /** The till's fallback: a card or a phone instead of a face. */
    Identification identifyBy(Caller caller, String field, String value);

    /** What a payment by our own face match needs of the checkout's identification (score, liveness). */
    FaceProof.Needed paymentNeeds(TenantId tenant, Double threshold);
}
