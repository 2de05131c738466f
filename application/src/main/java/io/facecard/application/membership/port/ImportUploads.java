package io.facecard.application.membership.port;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Port out: an upload kept while its job runs, and only then: it is read back row by row and
 * photo by photo (never whole into memory), and discarded when the job ends or the server
 * restarts. Photos are never stored beyond that.
 */
public interface ImportUploads {
    enum Format { CSV, ZIP }

    /** Copies the body to private storage; refuses (413) past the configured size and an archive beyond its bounds. */
    Upload keep(UUID job, InputStream body, Format format);

    /** Opens an upload kept earlier. */
    Upload open(UUID job);

    void discard(UUID job);

    /** At start-up: what a stopped or killed server left behind. */
    void discardAll();

    /** A members file's header and its records, read one at a time (refused as IMPORT_UNREADABLE where it cannot be read). */
    interface MemberRecords {
        List<String> header();

        /** Calls the handler for each record, with its line number in the file and its values by column. */
        void each(RecordHandler handler);
    }

    interface RecordHandler {
        void record(long line, Map<String, String> values);
    }

    interface Upload extends AutoCloseable {
        /** The members CSV (the upload itself, or {@code members.csv} in the archive), read afresh on each call. */
        MemberRecords members();

        boolean hasPhotos();

        /** The photo by its file name; empty when the archive has no such entry. Refuses one past the bounds. */
        Optional<byte[]> photo(String name);

        @Override
        void close();
    }
}
