package io.facecard.adapters.inbound.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON bodies are at most 1 MB, images at most 5 MB, a multipart burst of photos at most 12 MB in all (member imports excepted). A declared length over it is refused before reading; a
 * chunked body is counted as it is read and refused as soon as it passes the limit.
 */
@Provider
@PreMatching
@Priority(100)
public class BodyLimitFilter implements ContainerRequestFilter {
    public static final long JSON_LIMIT = 1024 * 1024;
    public static final long IMAGE_LIMIT = 5L * 1024 * 1024;
    /** A burst of up to five photos (a till's frames are ~100 KB each; a phone's enrolment photos a few MB). */
    public static final long BURST_LIMIT = 12L * 1024 * 1024;
    static final String IMPORT_PATH = "/members/import";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().equals(IMPORT_PATH)) {
            return; // an import is streamed to disk, not into memory, and bounded there (facecard.import.max-bytes)
        }
        var type = request.getMediaType();
        long limit = type == null ? JSON_LIMIT : type.getType().equalsIgnoreCase("image") ? IMAGE_LIMIT
                : type.getType().equalsIgnoreCase("multipart") ? BURST_LIMIT : JSON_LIMIT;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }

    static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException("the body is larger than " + limit + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
