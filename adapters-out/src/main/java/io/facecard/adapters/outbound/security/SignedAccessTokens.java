package io.facecard.adapters.outbound.security;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.tenants.tenancy.port.AccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues RS256 JWTs in the MicroProfile JWT format (upn, groups) plus the caller's tenant. */
@ApplicationScoped
public class SignedAccessTokens implements AccessTokens {
    public static final String OPERATOR_GROUP = "PLATFORM_OPERATOR";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    JwtKeys keys;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;
    @Inject
    @ConfigProperty(name = "facecard.jwt.lifetime-seconds", defaultValue = "900")
    long lifetimeSeconds;

    @Override
    public IssuedToken issue(Caller caller) {
        long now = clock.instant().getEpochSecond();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("iat", now)
                .add("exp", now + lifetimeSeconds)
                .add("jti", UUID.randomUUID().toString());
        if (caller instanceof Caller.Operator op) {
            claims.add("sub", "operator").add("upn", op.username()).add("kind", "operator");
            groups.add(OPERATOR_GROUP);
        } else if (caller instanceof Caller.Staff s) {
            claims.add("sub", s.userId().toString()).add("upn", s.username()).add("kind", "staff")
                    .add("tenant", s.tenantId().toString());
            s.roles().stream().map(Role::name).sorted().forEach(groups::add);
            // For the console's store pickers only: every request re-reads the account's stores from the database.
            JsonArrayBuilder stores = Json.createArrayBuilder();
            s.stores().stream().map(UUID::toString).sorted().forEach(stores::add);
            claims.add("stores", stores);
        } else {
            throw new IllegalArgumentException("terminals use API keys, not tokens");
        }
        claims.add("groups", groups);
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(claims.build().toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        return new IssuedToken(signingInput + "." + sign(signingInput), lifetimeSeconds);
    }

    private String sign(String input) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.signingKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }
}
