package io.facecard.adapters.outbound.security;

import io.facecard.tenants.tenancy.port.OperatorCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator account from configuration (an environment variable fed by a Secret). Compared
 * through digests of equal length so the comparison takes the same time whatever the input.
 */
@ApplicationScoped
public class ConfiguredOperator implements OperatorCredentials {
    @Inject
    @ConfigProperty(name = "facecard.operator.username", defaultValue = "operator")
    String username;
    @Inject
    @ConfigProperty(name = "facecard.operator.password")
    Optional<String> password;

    @Override
    public boolean matches(String candidateUser, String candidatePassword) {
        if (password.isEmpty() || password.get().isBlank()) {
            return false; // no operator configured: nobody is one
        }
        boolean user = MessageDigest.isEqual(digest(username), digest(candidateUser));
        boolean pass = MessageDigest.isEqual(digest(password.get()), digest(candidatePassword));
        return user & pass;
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
