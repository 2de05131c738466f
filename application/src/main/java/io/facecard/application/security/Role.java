package io.facecard.application.security;

/** Roles of a chain's staff. The platform operator is not a tenant role; see {@link Caller.Operator}. */
public enum Role {
    TENANT_ADMIN,
    MARKETER,
    STORE_MANAGER,
    CASHIER
}
