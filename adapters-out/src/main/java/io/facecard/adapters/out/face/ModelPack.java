package io.facecard.adapters.out.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A model pack: detector, landmark and embedding ONNX files plus a manifest with their sha256
 * and preprocessing parameters. Loading verifies every file, so a corrupted or swapped model
 * never runs. Packs come from the classpath ({@code classpath:default}) or a folder.
 */
public final class ModelPack {
    private final Properties manifest;
    private final byte[] detector;
    private final byte[] landmarks;
    private final byte[] embedder;

    private ModelPack(Properties manifest, byte[] detector, byte[] landmarks, byte[] embedder) {
        this.manifest = manifest;
        this.detector = detector;
        this.landmarks = landmarks;
        this.embedder = embedder;
    }

    public static ModelPack load(String location) {
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
        return new ModelPack(manifest, verified(source, manifest, "detector"), verified(source, manifest, "landmarks"),
                verified(source, manifest, "embedder"));
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
        return detector;
    }

    public byte[] landmarks() {
        return landmarks;
    }

    public byte[] embedder() {
        return embedder;
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
