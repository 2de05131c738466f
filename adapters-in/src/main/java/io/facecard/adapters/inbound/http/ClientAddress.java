package io.facecard.adapters.inbound.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from. Only when the peer is one of the configured proxies (the
 * ingress, {@code FACECARD_HTTP_TRUSTED_PROXIES}) is the last X-Forwarded-For hop believed: a header
 * any client can write must not let a guesser pick its own failed-login counter.
 */
@ApplicationScoped
public class ClientAddress {
    @Inject
    @ConfigProperty(name = "facecard.http.trusted-proxies")
    Optional<String> trustedProxies;

    private volatile List<String> proxies;

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !proxies().contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() ? peer : last;
    }

    private List<String> proxies() {
        List<String> p = proxies;
        if (p == null) {
            p = trustedProxies.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
            proxies = p;
        }
        return p;
    }
}
