package io.facecard.domain.instore;

import java.time.Duration;

/**
 * What a watch list is for, and what that implies: how many false alerts per 10,000 strangers passing a camera the
 * list may raise (a wrong BANNED alert accuses a customer, so it is a hundred times stricter than a VIP's), and how long
 * an entry lives unless given an expiry (BANNED entries lapse by default; the others stay until removed).
 */
public enum WatchListKind {
    VIP(10, null),
    STAFF(10, null),
    BANNED(0.1, Duration.ofDays(180)),
    CUSTOM(1, null);

    private final double falseAlertsPer10k;
    private final Duration defaultExpiry;

    WatchListKind(double falseAlertsPer10k, Duration defaultExpiry) {
        this.falseAlertsPer10k = falseAlertsPer10k;
        this.defaultExpiry = defaultExpiry;
    }

    public double falseAlertsPer10k() {
        return falseAlertsPer10k;
    }

    /** Null: an entry stays until removed. */
    public Duration defaultExpiry() {
        return defaultExpiry;
    }

    /** Whose faces an entry holds: a VIP is a consented member (matched by the member's own templates); the rest come from a photo. */
    public boolean fromPhoto() {
        return this != VIP;
    }
}
