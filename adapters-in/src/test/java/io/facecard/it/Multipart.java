package io.facecard.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body of JPEG parts, as a till or the app sends a burst of photos. */
public record Multipart(String contentType, byte[] body) {
    public static Multipart of(byte[]... jpegs) {
        return withTypes("image/jpeg", jpegs);
    }

    /** Every part with the given content type (a wrong one shows the server refuses non-image parts). */
    public static Multipart withTypes(String partType, byte[]... parts) {
        String boundary = "facecard-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"frame\"; filename=\"frame" + i
                    + ".jpg\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(parts[i]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
