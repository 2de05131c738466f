package io.facecard.adapters.outbound.membership;

import io.facecard.application.membership.port.ImportUploads;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads spooled to a private directory of the server ({@code facecard.import.spool-dir}), streamed
 * in 64 KB steps and refused as soon as they pass {@code facecard.import.max-bytes}. A file lives
 * while its job runs and goes when it ends; a restart deletes what a killed server left.
 */
@ApplicationScoped
public class SpooledImportUploads implements ImportUploads {
    @Inject
    @ConfigProperty(name = "facecard.import.spool-dir")
    String spoolDir;
    @Inject
    @ConfigProperty(name = "facecard.import.max-bytes", defaultValue = "4294967296")
    long maxBytes;

    @Override
    public Upload keep(UUID job, InputStream body, Format format) {
        Path file = file(job, format);
        try {
            Files.createDirectories(dir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copyBounded(body, out);
            }
            return open(job);
        } catch (IOException e) {
            discard(job);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(job);
            throw e;
        }
    }

    private void copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new Refusal(MembershipRule.IMPORT_TOO_LARGE, "an import is at most " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
    }

    @Override
    public Upload open(UUID job) {
        Path zip = file(job, Format.ZIP);
        if (Files.exists(zip)) {
            return ZipUpload.open(zip);
        }
        return new CsvUpload(file(job, Format.CSV));
    }

    @Override
    public void discard(UUID job) {
        try {
            Files.deleteIfExists(file(job, Format.CSV));
            Files.deleteIfExists(file(job, Format.ZIP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discardAll() {
        if (!Files.isDirectory(dir())) {
            return;
        }
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dir() {
        return Path.of(spoolDir);
    }

    private Path file(UUID job, Format format) {
        return dir().resolve(job + (format == Format.ZIP ? ".zip" : ".csv"));
    }
}
