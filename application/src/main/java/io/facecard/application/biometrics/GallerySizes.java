package io.facecard.application.biometrics;

import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.biometrics.port.Galleries;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many templates each tenant's gallery holds. The threshold follows the gallery's size, and
 * a count of 100,000 rows on every identify would cost more than the search: a large gallery is
 * counted at most once a {@link #TTL} (it grows by a few per cent a day, so a minute old is exact
 * enough). A small one is counted every time: cheap, and each template moves its threshold most.
 */
@ApplicationScoped
public class GallerySizes implements Galleries {
    static final Duration TTL = Duration.ofSeconds(60);
    static final long REMEMBER_FROM = 1_000;

    private record Counted(long templates, long atNanos) {}

    private final Map<TenantId, Counted> counted = new ConcurrentHashMap<>();

    private FaceTemplates templates;

    /** For the container's proxy. */
    protected GallerySizes() {}

    @Inject
    public GallerySizes(FaceTemplates templates) {
        this.templates = templates;
    }

    @Override
    public long of(TenantId tenant) {
        long now = System.nanoTime();
        Counted c = counted.get(tenant);
        if (c != null && now - c.atNanos() < TTL.toNanos()) {
            return c.templates();
        }
        long n = templates.count(tenant);
        if (n >= REMEMBER_FROM) {
            counted.put(tenant, new Counted(n, now));
        } else {
            counted.remove(tenant);
        }
        return n;
    }
}
