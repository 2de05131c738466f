package io.facecard.domain.tenancy;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What tenant onboarding, stores and staff refuse. */
public final class TenancyRule {
    public static final Rule DUPLICATE_SLUG = new Rule("duplicate-slug", Category.CONFLICT);
    public static final Rule DUPLICATE_USERNAME = new Rule("duplicate-username", Category.CONFLICT);
    public static final Rule DUPLICATE_STORE_CODE = new Rule("duplicate-store-code", Category.CONFLICT);
    public static final Rule LAST_ADMIN = new Rule("last-admin", Category.CONFLICT);
    /** Another tenant's onboarding holds the face-template table's attach lock: retry in a moment. */
    public static final Rule TEMPLATES_BUSY = new Rule("templates-busy", Category.UNAVAILABLE);
    /** Offboarding erases a chain's members: it is refused unless the tenant was suspended first (the tills are shut). */
    public static final Rule NOT_SUSPENDED = new Rule("tenant-not-suspended", Category.CONFLICT);
    /** An offboarded (or offboarding) tenant is gone for good: nothing about it changes any more. */
    public static final Rule OFFBOARDED = new Rule("tenant-offboarded", Category.CONFLICT);

    /** Too many failed logins for this account or from this address: refused before the password is hashed. */
    public static final Rule LOGIN_THROTTLED = new Rule("login-throttled", Category.TOO_MANY_REQUESTS);

    private TenancyRule() {}
}
