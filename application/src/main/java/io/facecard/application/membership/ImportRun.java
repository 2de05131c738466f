package io.facecard.application.membership;

import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.membership.port.ImportJobs.Counts;
import io.facecard.application.membership.port.ImportJobs.Job;
import io.facecard.application.membership.port.ImportJobs.RowError;
import io.facecard.application.membership.port.ImportJobs.Status;
import io.facecard.application.membership.port.ImportJobs;
import io.facecard.application.membership.port.ImportUploads;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.application.security.Caller;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One import job from its first row to its last. A row:
 * <ol>
 *   <li>is checked as a registration would be; a refusal rejects the row and changes nothing;
 *   <li>if its member exists already (by {@code externalId}, else card number: an earlier, maybe interrupted,
 *       run of the same file) only what is missing is done: its consents, its face; otherwise it is skipped;
 *   <li>else the member is registered, its consents recorded (source IMPORT), and its face enrolled when it has
 *       a photo and biometric consent. A photo without that consent, one an enrolment would refuse (no face,
 *       several, too small, low quality), or a face that matches another member is reported (PARTIAL) and not
 *       enrolled: the member is kept, and a later upload with a better photo enrols them.
 * </ol>
 * A dry run does the checks of step 1 and the look-ups of step 2, and changes nothing.
 */
final class ImportRun {
    private static final int FLUSH_ROWS = 50;
    private static final long FLUSH_MILLIS = 1_000;

    private final Caller caller;
    private final ImportSteps steps;
    private final ImportJobs jobs;
    private final ImportUploads uploads;
    private final Clock clock;
    private final int workers;
    private final double busyShare;
    private final BooleanSupplier tillsAbout;
    private final ThreadFactory threads;
    private final Set<String> seen = new HashSet<>();
    private final List<RowError> pendingErrors = new ArrayList<>();
    private Job job;
    private int processed, created, skipped, enrolled, partial, rejected;
    private long lastFlush;
    private volatile boolean cancelRequested;

    ImportRun(Job job, Caller caller, ImportSteps steps, ImportJobs jobs, ImportUploads uploads, Clock clock, int workers,
            double busyShare, BooleanSupplier tillsAbout, ThreadFactory threads) {
        this.job = job;
        this.caller = caller;
        this.steps = steps;
        this.jobs = jobs;
        this.uploads = uploads;
        this.clock = clock;
        this.workers = workers;
        this.busyShare = busyShare;
        this.tillsAbout = tillsAbout;
        this.threads = threads;
    }

    Job run() {
        Instant started = clock.instant();
        job = with(Status.RUNNING, started, null, null);
        cancelRequested = jobs.update(job);
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, threads) : null;
        Semaphore inFlight = new Semaphore(workers * 2);
        try (ImportUploads.Upload upload = uploads.open(job.id())) {
            ImportUploads.MemberRecords records = upload.members();
            ImportColumns.check(records.header());
            records.each((line, values) -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("the server is stopping");
                }
                if (cancelRequested) {
                    throw new Cancelled();
                }
                if (pool == null) {
                    row(upload, line, values);
                } else {
                    inFlight.acquireUninterruptibly();
                    pool.submit(() -> {
                        try {
                            row(upload, line, values);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            });
            if (pool != null) {
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.DAYS);
            }
            flush(true);
            job = with(Status.SUCCEEDED, started, clock.instant(), null);
        } catch (Cancelled c) {
            awaitRows(pool);
            flush(true);
            job = with(Status.CANCELLED, started, clock.instant(), "cancelled by the tenant admin; the rows done so far stay done");
        } catch (Refusal r) {
            flush(true);
            job = with(Status.FAILED, started, clock.instant(), r.getMessage());
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            flush(true);
            return job; // left RUNNING: the next start marks it INTERRUPTED
        } catch (RuntimeException e) {
            flush(true);
            jobs.update(with(Status.FAILED, started, clock.instant(), "the job stopped on an unexpected error; "
                    + "rows done so far stay done, and uploading the same file again goes on from there"));
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        jobs.update(job);
        return job;
    }

    private void row(ImportUploads.Upload upload, long line, Map<String, String> values) {
        long t0 = System.nanoTime();
        try {
            work(upload, line, values);
        } finally {
            rest(System.nanoTime() - t0);
        }
    }

    /**
     * Keeps the worker busy at most {@code busyShare} of its time while terminals are being served: the tills get the
     * cores in between. With no till about (the import at night, or on an idle platform) it does not rest.
     */
    private void rest(long busyNanos) {
        if (busyShare >= 1 || !tillsAbout.getAsBoolean()) {
            return;
        }
        long nanos = (long) (busyNanos * (1 / busyShare - 1));
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(ImportUploads.Upload upload, long line, Map<String, String> values) {
        RowError error;
        try {
            error = process(upload, ImportRow.parse(line, values));
        } catch (Refusal r) {
            error = error(line, values.get("externalId"), values.get("cardNumber"), "REJECTED", r);
        }
        synchronized (this) {
            processed++;
            if (error != null) {
                pendingErrors.add(error);
                if (error.outcome().equals("REJECTED")) {
                    rejected++;
                } else {
                    partial++;
                }
            }
        }
        flush(false);
    }

    /** Returns the row's error, or null when everything it asked for was done. */
    private RowError process(ImportUploads.Upload upload, ImportRow row) {
        PersonalData d = row.data();
        // Every identifier a member holds alone: a dry run must refuse what the real run would (the second of two rows
        // with one phone is refused for real by the first's claim, which a dry run never makes).
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("externalId", d.externalId());
        keys.put("cardNumber", d.cardNumber());
        keys.put("phone", d.phone());
        keys.put("email", d.email());
        keys.values().removeIf(Objects::isNull);
        synchronized (this) {
            for (Map.Entry<String, String> k : keys.entrySet()) {
                if (seen.contains(k.getKey() + ":" + k.getValue())) {
                    return error(row, "REJECTED", "duplicate-in-file", "an earlier row of this file has the same " + k.getKey());
                }
            }
            keys.forEach((field, value) -> seen.add(field + ":" + value));
        }
        byte[] photo = null;
        if (row.photo() != null) {
            Optional<byte[]> found = upload.hasPhotos() ? upload.photo(row.photo()) : Optional.empty();
            if (found.isEmpty()) {
                return error(row, "REJECTED", "photo-missing", "the archive holds no file '" + row.photo() + "'");
            }
            photo = found.get();
        }
        Optional<MemberId> existing = steps.existing(caller.tenant().orElseThrow(), d);
        if (existing.isPresent()) {
            return resume(row, existing.get(), photo);
        }
        if (job.dryRun()) {
            Optional<String> taken = steps.takenIdentifier(caller.tenant().orElseThrow(), d);
            if (taken.isPresent()) {
                return error(row, "REJECTED", taken.get(), "another member has this " + taken.get().substring(10));
            }
        }
        FaceScan scan = null;
        RowError photoError = null;
        if (row.mayEnrol()) {
            try {
                scan = steps.inspect(caller, photo);
            } catch (Refusal r) { // the member is still registered: a better photo in a later upload enrols them
                photoError = error(row.line(), d.externalId(), d.cardNumber(), "PARTIAL", r);
            }
        }
        if (job.dryRun()) {
            count(true, false);
            return photoError != null ? photoError : row.photo() != null && !row.mayEnrol() ? noConsent(row) : null;
        }
        MemberId member = steps.register(caller, d);
        consents(member, row);
        count(true, false);
        if (row.photo() == null) {
            return null;
        }
        if (!row.mayEnrol()) {
            return noConsent(row);
        }
        return photoError != null ? photoError : enrol(row, member, scan);
    }

    /** An earlier run registered this member: do what it may not have finished. */
    private RowError resume(ImportRow row, MemberId member, byte[] photo) {
        if (job.dryRun()) {
            count(false, true);
            return null;
        }
        consents(member, row);
        if (!row.mayEnrol() || steps.hasFace(caller, member)) {
            count(false, true);
            return row.photo() != null && !row.mayEnrol() ? noConsent(row) : null;
        }
        FaceScan scan;
        try {
            scan = steps.inspect(caller, photo);
        } catch (Refusal r) {
            count(false, true);
            return error(row.line(), row.data().externalId(), row.data().cardNumber(), "PARTIAL", r);
        }
        count(false, true);
        return enrol(row, member, scan);
    }

    private RowError enrol(ImportRow row, MemberId member, FaceScan scan) {
        try {
            steps.enrol(caller, member, scan);
            synchronized (this) {
                enrolled++;
            }
            return null;
        } catch (Refusal r) {
            return error(row.line(), row.data().externalId(), row.data().cardNumber(), "PARTIAL", r);
        }
    }

    private void consents(MemberId member, ImportRow row) {
        steps.consent(caller, member, ConsentPurpose.BIOMETRIC_IDENTIFICATION, row.biometricConsent(), row.policyVersion());
        steps.consent(caller, member, ConsentPurpose.MARKETING_PUSH, row.marketingConsent(), row.policyVersion());
    }

    private synchronized void count(boolean isCreated, boolean isSkipped) {
        if (isCreated) {
            created++;
        }
        if (isSkipped) {
            skipped++;
        }
    }

    private static RowError noConsent(ImportRow row) {
        return error(row, "PARTIAL", "no-biometric-consent", "the photo was not used: the row has no biometric consent");
    }

    private static RowError error(ImportRow row, String outcome, String reason, String detail) {
        return new RowError(row.line(), row.data().externalId(), row.data().cardNumber(), outcome, reason, detail);
    }

    private static RowError error(long line, String externalId, String card, String outcome, Refusal r) {
        String reason = r.reason() != null ? r.type() + ":" + r.reason() : r.type();
        return new RowError(line, externalId, card, outcome, reason, r.getMessage());
    }

    private void flush(boolean always) {
        List<RowError> errors;
        Counts counts;
        synchronized (this) {
            long now = System.currentTimeMillis();
            if (!always && processed % FLUSH_ROWS != 0 && now - lastFlush < FLUSH_MILLIS) {
                return;
            }
            lastFlush = now;
            errors = new ArrayList<>(pendingErrors);
            pendingErrors.clear();
            counts = counts();
            job = new Job(job.id(), job.tenant(), job.status(), job.dryRun(), counts, job.startedBy(), job.createdAt(),
                    job.startedAt(), job.finishedAt(), job.failure());
        }
        if (!errors.isEmpty()) {
            jobs.addErrors(job.tenant(), job.id(), errors);
        }
        if (jobs.update(job)) {
            cancelRequested = true;
        }
    }

    /** The tenant admin asked the job to stop. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private static void awaitRows(ExecutorService pool) {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Counts counts() {
        return new Counts(job.counts().total(), processed, created, skipped, enrolled, partial, rejected);
    }

    private synchronized Job with(Status status, Instant startedAt, Instant finishedAt, String failure) {
        return new Job(job.id(), job.tenant(), status, job.dryRun(), counts(), job.startedBy(), job.createdAt(), startedAt,
                finishedAt, failure);
    }
}
