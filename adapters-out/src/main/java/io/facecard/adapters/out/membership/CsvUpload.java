package io.facecard.adapters.out.membership;

import io.facecard.application.membership.port.ImportUploads;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An upload that is the members CSV alone: no photos. */
final class CsvUpload implements ImportUploads.Upload {
    private final Path file;
    private final List<Reader> open = new ArrayList<>();

    CsvUpload(Path file) {
        this.file = file;
    }

    @Override
    public ImportUploads.MemberRecords members() {
        return new CsvMemberRecords(this::reader);
    }

    private synchronized Reader reader() {
        try {
            Reader r = Utf8Csv.reader(Files.newInputStream(file));
            open.add(r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasPhotos() {
        return false;
    }

    @Override
    public Optional<byte[]> photo(String name) {
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        for (Reader r : open) {
            try {
                r.close();
            } catch (IOException ignored) {
                // reading is over either way
            }
        }
    }
}
