package io.facecard.application.crm.port;

import java.util.Arrays;
import java.util.Optional;

/** What a CRM endpoint can subscribe to, with the names receivers see in {@code type}. */
public enum CrmEventType {
    MEMBER_REGISTERED("member.registered"),
    MEMBER_CHANGED("member.changed"),
    MEMBER_ERASED("member.erased"),
    CONSENT_CHANGED("consent.changed"),
    CHECKOUT_COMPLETED("checkout.completed"),
    POINTS_CHANGED("points.changed"),
    OFFER_REDEEMED("offer.redeemed"),
    VISIT("visit.started"),
    ALERT("alert.raised"),
    /** Sent only when an admin asks for a test delivery; no endpoint subscribes to it. */
    PING("webhook.ping");

    private final String wire;

    CrmEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<CrmEventType> ofWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire) && t != PING).findFirst();
    }

    /** Events whose payload may carry the member's personal data, for endpoints that chose it. */
    public boolean aboutTheMember() {
        return this == MEMBER_REGISTERED || this == MEMBER_CHANGED;
    }
}
