package io.facecard.tenants.tenancy.port;

/** Port out: the platform operator's credentials, which live in configuration, not in the database. */
public interface OperatorCredentials {
    boolean matches(String username, String password);
}
