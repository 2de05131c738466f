package io.facecard.adapters.outbound.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Where the outside services' hosts and keys come from. With {@code facecard.sandbox} on (the
 * default; {@code FACECARD_SANDBOX=false} in production) from the sandbox's
 * {@code sandbox.properties}, whose version changes whenever the sandbox rewrites it; live, from
 * configuration ({@code facecard.<key>}).
 */
@ApplicationScoped
public class SandboxConfig {
    @Inject
    Config config;

    public boolean sandbox() {
        return config.getOptionalValue("facecard.sandbox", Boolean.class).orElse(true);
    }

    /** Changes when the values may have: the sandbox file's time, or a constant when live. */
    public FileTime version() {
        if (!sandbox()) {
            return FileTime.fromMillis(0);
        }
        try {
            return Files.getLastModifiedTime(file());
        } catch (IOException e) {
            return FileTime.fromMillis(-1); // no sandbox running yet
        }
    }

    public Function<String, String> values() {
        if (!sandbox()) {
            return key -> config.getOptionalValue("facecard." + key, String.class).orElse(null);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file())) {
            p.load(in);
        } catch (IOException e) {
            // not there (yet): nothing configured
        }
        return p::getProperty;
    }

    /** The platform's own base URL as the outside services reach it (callbacks it registers). */
    public String publicUrl() {
        return config.getOptionalValue("facecard.public-url", String.class)
                .orElseGet(() -> "http://127.0.0.1:" + config.getOptionalValue("facecard.http.port", String.class).orElse("9080"));
    }

    private Path file() {
        return Path.of(config.getOptionalValue("facecard.sandbox.file", String.class).orElse("sandbox/sandbox.properties"));
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values().apply(key));
    }
}
