package io.facecard.adapters.outbound.security;

import io.facecard.application.platform.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs access tokens. In production both files come from a Kubernetes
 * Secret shared by every replica; on a developer machine a missing pair is generated once.
 * MicroProfile JWT verifies with the public file ({@code mp.jwt.verify.publickey.location}).
 */
@ApplicationScoped
public class JwtKeys implements StartupStep {
    private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());

    @Inject
    @ConfigProperty(name = "facecard.jwt.private-key.location")
    String privateLocation;
    @Inject
    @ConfigProperty(name = "facecard.jwt.public-key.location")
    String publicLocation;
    @Inject
    @ConfigProperty(name = "facecard.jwt.generate-missing-keys", defaultValue = "false")
    boolean generateMissing;

    private volatile PrivateKey signingKey;

    @Override
    public int phase() {
        return KEYS;
    }

    @Override
    public void start() {
        ensurePresent();
    }

    public synchronized void ensurePresent() {
        Path priv = Path.of(privateLocation);
        Path pub = Path.of(publicLocation);
        if (!Files.exists(priv) || !Files.exists(pub)) {
            if (!generateMissing) {
                throw new IllegalStateException("JWT key files are missing: " + priv + ", " + pub);
            }
            generate(priv, pub);
        }
        signingKey = load(priv);
    }

    PrivateKey signingKey() {
        if (signingKey == null) {
            ensurePresent();
        }
        return signingKey;
    }

    private static void generate(Path priv, Path pub) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(priv.toAbsolutePath().getParent());
            Files.createDirectories(pub.toAbsolutePath().getParent());
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            LOG.warning("Generated a new JWT signing key pair at " + priv.getParent()
                    + " (development only: production mounts it from a Secret)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey load(Path priv) {
        try {
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JWT private key at " + priv + " is not a PKCS#8 RSA key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
