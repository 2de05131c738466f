package io.facecard.adapters.outbound.membership;

import io.facecard.application.membership.port.ImportUploads;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An upload that is the members CSV alone: no photos. Each read opens the file afresh; its parser closes it. */
final class CsvUpload implements ImportUploads.Upload {
    private final Path file;

    CsvUpload(Path file) {
        this.file = file;
    }

    @Override
    public ImportUploads.MemberRecords members() {
        return new CsvMemberRecords(this::reader);
    }

    private Reader reader() {
        try {
            return Utf8Csv.reader(Files.newInputStream(file));
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
    public void close() {
        // nothing stays open between reads
    }
}
