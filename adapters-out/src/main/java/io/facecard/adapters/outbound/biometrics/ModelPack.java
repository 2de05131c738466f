package io.facecard.adapters.outbound.biometrics;

import io.facecard.domain.biometrics.ImpostorTail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A model pack: detector, landmark and embedding ONNX files (and optionally head pose, eye state
 * and liveness models) plus a manifest with their sha256
 * and preprocessing parameters. Loading verifies every file, so a corrupted or swapped model
 * never runs. Packs come from the classpath ({@code classpath:default}) or a folder.
 */
public final class ModelPack {
    /** Parts every pack has; the quality and liveness models are optional (a pack without them skips those checks). */
    private static final List<String> REQUIRED = List.of("detector", "landmarks", "embedder");
    private static final List<String> OPTIONAL = List.of("pose", "eyes", "liveness", "age", "gender", "expression");
    /**
     * Parts measured but not run by the platform: the second embedder did not raise in-the-wild identification
     * (FusionBenchmark), so it costs an embedding per photo for nothing; benchmarks load it with {@link #loadAll}.
     */
    private static final List<String> MEASURED_ONLY = List.of("embedder2");

    private final Properties manifest;
    private final Map<String, byte[]> parts;

    private ModelPack(Properties manifest, Map<String, byte[]> parts) {
        this.manifest = manifest;
        this.parts = parts;
    }

    public static ModelPack load(String location) {
        return load(location, OPTIONAL);
    }

    /** The pack with the parts the platform does not run (for benchmarks). */
    public static ModelPack loadAll(String location) {
        return load(location, Stream.concat(OPTIONAL.stream(), MEASURED_ONLY.stream()).toList());
    }

    private static ModelPack load(String location, List<String> optional) {
        Source source = location.startsWith("classpath:")
                ? name -> ModelPack.class.getResourceAsStream("/model-packs/" + location.substring(10) + "/" + name)
                : name -> Files.newInputStream(Path.of(location, name));
        Properties manifest = new Properties();
        try (InputStream in = source.open("manifest.properties")) {
            if (in == null) {
                throw new IllegalStateException("no manifest.properties in model pack " + location);
            }
            manifest.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of model pack " + location, e);
        }
        Map<String, byte[]> parts = new HashMap<>();
        for (String part : REQUIRED) {
            parts.put(part, verified(source, manifest, part));
        }
        for (String part : optional) {
            if (manifest.getProperty(part + ".file") != null) {
                parts.put(part, verified(source, manifest, part));
            }
        }
        return new ModelPack(manifest, Map.copyOf(parts));
    }

    private static byte[] verified(Source source, Properties manifest, String part) {
        String file = manifest.getProperty(part + ".file");
        String expected = manifest.getProperty(part + ".sha256");
        try (InputStream in = source.open(file)) {
            if (in == null) {
                throw new IllegalStateException("model pack file missing: " + file);
            }
            byte[] bytes = in.readAllBytes();
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IllegalStateException("sha256 of " + file + " is " + actual + ", the manifest says " + expected);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return manifest.getProperty("name");
    }

    public byte[] detector() {
        return parts.get("detector");
    }

    public byte[] landmarks() {
        return parts.get("landmarks");
    }

    public byte[] embedder() {
        return parts.get("embedder");
    }

    /** An optional model ({@code pose}, {@code eyes}, {@code liveness}), if the pack has it. */
    public Optional<byte[]> optional(String part) {
        return Optional.ofNullable(parts.get(part));
    }

    /** The impostor tail the pack's manifest gives for its embedder (fitted by AccuracyBenchmark). */
    public ImpostorTail impostorTail() {
        return new ImpostorTail(doubleValue("impostor.tail.from"), doubleValue("impostor.tail.share"),
                doubleValue("impostor.tail.scale"));
    }

    public int intValue(String key) {
        return Integer.parseInt(manifest.getProperty(key).strip());
    }

    public double doubleValue(String key) {
        return Double.parseDouble(manifest.getProperty(key).strip());
    }

    @FunctionalInterface
    private interface Source {
        InputStream open(String name) throws IOException;
    }
}
