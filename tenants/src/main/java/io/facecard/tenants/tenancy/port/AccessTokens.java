package io.facecard.tenants.tenancy.port;

import io.facecard.application.security.Caller;

/** Port out: signs bearer tokens for operators and staff. */
public interface AccessTokens {
    IssuedToken issue(Caller caller);

    record IssuedToken(String accessToken, long expiresInSeconds) {}
}
