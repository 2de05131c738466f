package io.facecard.adapters.inbound.http;

import io.facecard.application.biometrics.port.Bursts;
import io.facecard.domain.refusal.Refusal;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Several photos of one person in one call: a till's burst of frames or the app's enrolment burst,
 * as {@code multipart/form-data} (one image part each) or as a JSON array of base64 strings.
 */
public final class FrameBodies {
    /** At most this many photos in one call: the use case's limit, checked here before any photo is decoded. */
    static final int MAX = Bursts.MAX;
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private FrameBodies() {}

    /** The image parts of a multipart body, in order; any part that is not an image refuses the body. */
    public static List<byte[]> parts(List<EntityPart> parts) {
        if (parts == null || parts.isEmpty() || parts.size() > MAX) {
            throw Refusal.invalid("send 1 to " + MAX + " image parts (image/jpeg, image/png or image/webp)");
        }
        List<byte[]> images = new ArrayList<>();
        for (EntityPart part : parts) {
            MediaType type = part.getMediaType();
            String t = type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            if (!IMAGE_TYPES.contains(t)) {
                throw Refusal.invalid("part '" + part.getName() + "' must be image/jpeg, image/png or image/webp, not '" + t + "'");
            }
            images.add(read(part.getContent()));
        }
        return images;
    }

    /** A JSON field's base64 images (standard alphabet, padding optional); anything else refuses the body. */
    public static List<byte[]> decode(List<String> encoded, String field) {
        if (encoded == null || encoded.isEmpty() || encoded.size() > MAX) {
            throw Refusal.invalid("'" + field + "' must hold 1 to " + MAX + " base64-encoded images");
        }
        List<byte[]> images = new ArrayList<>();
        for (String e : encoded) {
            images.add(decodeOne(e, field));
        }
        return images;
    }

    /** One base64 image of a JSON field; an empty, null or malformed one refuses the body. */
    public static byte[] decodeOne(String encoded, String field) {
        if (encoded == null || encoded.isEmpty()) {
            throw Refusal.invalid("'" + field + "' must not hold an empty or null image");
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException bad) {
            throw Refusal.invalid("'" + field + "' must hold base64-encoded images: " + bad.getMessage());
        }
    }

    /** One byte string for the idempotency fingerprint: each image's length, then its bytes. */
    public static byte[] fingerprint(List<byte[]> images) {
        int size = images.stream().mapToInt(i -> i.length + 4).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        images.forEach(i -> all.putInt(i.length).put(i));
        return all.array();
    }

    private static byte[] read(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
