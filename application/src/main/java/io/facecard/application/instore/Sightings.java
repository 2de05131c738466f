package io.facecard.application.instore;

import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.application.biometrics.port.FaceAnalysis.Observation;
import io.facecard.application.instore.SightingQueue.Sighting;
import io.facecard.application.instore.port.Cameras;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.instore.InStoreRule;
import io.facecard.domain.instore.Placement;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.refusal.Throttled;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A store camera's images: accepted at once into the {@link SightingQueue} (202), then read on the face pipeline's bulk
 * lane and handed to the {@link SightingBook}, each step in a transaction of its own (a face read takes long). Who each
 * face is comes first, so a watch list's alert is raised before the face's age, gender and expression are read. The
 * image itself is dropped as soon as it is read.
 */
@ApplicationScoped
public class Sightings {
    private static final Logger LOG = Logger.getLogger(Sightings.class.getName());
    public static final Permit CAMERA = new Permit(Set.of(), Set.of(TerminalKind.CAMERA));
    /** At most this many images a call: an edge's crops of one moment. */
    public static final int MAX_IMAGES = 10;
    /** A capture this far in the camera's future is its clock's error, refused rather than guessed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private Cameras cameras;
    private SightingQueue queue;
    private FaceAnalysis faces;
    private SightingBook book;
    private PassersBy passersBy;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected Sightings() {}

    @Inject
    public Sightings(Cameras cameras, SightingQueue queue, FaceAnalysis faces, SightingBook book,
            PassersBy passersBy, Clock clock) {
        this.cameras = cameras;
        this.queue = queue;
        this.faces = faces;
        this.book = book;
        this.passersBy = passersBy;
        this.clock = clock;
    }

    /** @return how many images were queued (all of them, or the call is refused whole) */
    @Transactional
    public int accept(Caller caller, Instant capturedAt, List<byte[]> images) {
        TenantId tenant = CAMERA.tenantOf(caller);
        Caller.Terminal camera = (Caller.Terminal) caller;
        if (images.isEmpty() || images.size() > MAX_IMAGES) {
            throw Refusal.invalid("send 1 to " + MAX_IMAGES + " images");
        }
        Instant now = clock.instant();
        if (capturedAt == null) {
            throw Refusal.invalid("'capturedAt' is required");
        }
        if (capturedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw Refusal.invalid("'capturedAt' is in the future: check the camera's clock");
        }
        if (capturedAt.isBefore(now.minus(passersBy.window()))) {
            throw Refusal.invalid("'capturedAt' is older than the " + passersBy.window().toMinutes()
                    + "-minute window sightings are paired in; such a sighting can no longer be counted");
        }
        Placement placement = cameras.placement(tenant, camera.terminalId()).orElseThrow(() -> new Refusal(
                InStoreRule.CAMERA_NOT_PLACED, "say where this camera hangs first (PUT /stores/{storeId}/cameras/{terminalId})"));
        int queued = 0;
        for (byte[] image : images) {
            if (!queue.offer(new Sighting(tenant, camera.storeId(), camera.terminalId(), placement, capturedAt, now, image))) {
                throw new Throttled(InStoreRule.SIGHTINGS_BACKLOG, Duration.ofSeconds(2), queued
                        + " of the images were queued; the tenant's camera queue is full, send the rest later");
            }
            queued++;
        }
        return queued;
    }

    /** Reads one queued image and records what it showed; a failure loses this image's counts only. */
    public void process(Sighting s) {
        try {
            int minFace = book.minFacePixels(s.tenant());
            List<Observation> seen = faces.observe(s.tenant(), s.image(), minFace);
            for (int i = 0; i < seen.size(); i++) {
                Observation o = seen.get(i);
                SightingBook.Who who = book.identify(s, o.embedding());
                if (!who.staff()) {
                    Observation read = new Observation(o.embedding(), o.quality(), o.faceWidth(),
                            faces.attributes(s.tenant(), s.image(), minFace, i));
                    book.record(s, read, who);
                }
            }
        } catch (Refusal r) {
            LOG.fine(() -> "a camera image of store " + s.store() + " was not read: " + r.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a camera image of store " + s.store() + " failed", e);
        }
    }
}
