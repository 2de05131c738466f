package io.facecard.adapters.inbound.http;

import io.facecard.application.platform.TerminalActivity;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.Authentication;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Establishes the caller. Tokens were already verified by MicroProfile JWT (signature, issuer,
 * audience, expiry); their caller is re-checked against the database. Any other bearer value
 * must be a terminal API key.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {
    @Inject
    Authentication authentication;
    @Inject
    CurrentCaller current;
    @Inject
    CallRates rates;
    @Inject
    TerminalActivity activity;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            // Before the body is read: an anonymous caller learns it must authenticate, not what its body lacks.
            if (!isLogin(request)) {
                throw Refusal.unauthenticated(CurrentCaller.NEEDS_CREDENTIAL);
            }
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Refusal.unauthenticated("only 'Authorization: Bearer ...' is understood");
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        Caller caller = principal instanceof JsonWebToken jwt ? authentication.confirm(fromToken(jwt))
                : authentication.terminal(header.substring(7).strip());
        rates.admit(caller);
        current.set(caller);
        if (caller instanceof Caller.Terminal) {
            activity.seen();
        }
    }

    /** The calls that need no credential: those to a resource marked {@link Anonymous}. */
    private static boolean isLogin(ContainerRequestContext request) {
        return request.getUriInfo().getMatchedResources().stream().anyMatch(r -> r.getClass().isAnnotationPresent(Anonymous.class));
    }

    private static Caller fromToken(JsonWebToken jwt) {
        String kind = jwt.getClaim("kind");
        if ("operator".equals(kind)) {
            return new Caller.Operator(jwt.getName());
        }
        if ("staff".equals(kind)) {
            Set<Role> roles = jwt.getGroups().stream().map(Role::valueOf).collect(Collectors.toSet());
            return new Caller.Staff(TenantId.of(jwt.getClaim("tenant")), UUID.fromString(jwt.getSubject()),
                    jwt.getName(), roles);
        }
        throw Refusal.unauthenticated("the token does not name a known kind of caller");
    }
}
