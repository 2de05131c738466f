package io.facecard.adapters.outbound.membership;

import io.facecard.application.membership.port.ImportUploads;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip holding {@code members.csv} and the photos it names, read in place (random access through
 * the central directory, one entry at a time). Checked before the job starts against zip bombs:
 * at most {@link #MAX_ENTRIES} entries, each photo at most {@link #MAX_PHOTO} bytes, all entries
 * together at most {@link #MAX_TOTAL} uncompressed, and no entry inflating more than
 * {@link #MAX_RATIO} times; sizes are counted again while reading, whatever the directory declares.
 */
final class ZipUpload implements ImportUploads.Upload {
    static final int MAX_ENTRIES = 200_000;
    static final long MAX_PHOTO = 5L * 1024 * 1024;
    static final long MAX_CSV = 512L * 1024 * 1024;
    static final long MAX_TOTAL = 16L * 1024 * 1024 * 1024;
    static final long MAX_RATIO = 100;
    static final String MEMBERS = "members.csv";

    private final ZipFile zip;
    private final ZipEntry members;
    /** Entries by full name and, where unambiguous, by base name (photos/anna.jpg is found as anna.jpg). */
    private final Map<String, ZipEntry> byName = new HashMap<>();

    private ZipUpload(ZipFile zip) {
        this.zip = zip;
        Map<String, ZipEntry> byBase = new HashMap<>();
        Map<String, Boolean> ambiguous = new HashMap<>();
        ZipEntry csv = null;
        long total = 0;
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (++count > MAX_ENTRIES) {
                throw tooLarge("the archive has more than " + MAX_ENTRIES + " entries");
            }
            if (e.isDirectory()) {
                continue;
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
            boolean isCsv = base.equalsIgnoreCase(MEMBERS);
            if (size < 0 || size > (isCsv ? MAX_CSV : MAX_PHOTO)) {
                throw tooLarge("the entry '" + e.getName() + "' is larger than " + (isCsv ? MAX_CSV : MAX_PHOTO) + " bytes");
            }
            if (packed > 0 && size > 1024 * 1024 && size / packed > MAX_RATIO) {
                throw tooLarge("the entry '" + e.getName() + "' inflates more than " + MAX_RATIO + " times");
            }
            total += size;
            if (total > MAX_TOTAL) {
                throw tooLarge("the archive inflates to more than " + MAX_TOTAL + " bytes");
            }
            if (isCsv) {
                if (csv != null) {
                    throw unreadable("the archive holds more than one members.csv");
                }
                csv = e;
                continue;
            }
            byName.put(e.getName(), e);
            ambiguous.merge(base, byBase.putIfAbsent(base, e) != null, (a, b) -> true);
        }
        if (csv == null) {
            throw unreadable("the archive holds no members.csv");
        }
        byBase.forEach((base, e) -> {
            if (!ambiguous.get(base)) {
                byName.putIfAbsent(base, e);
            }
        });
        this.members = csv;
    }

    static ZipUpload open(Path file) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw unreadable("the body is not a zip archive");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new ZipUpload(zip);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    @Override
    public ImportUploads.MemberRecords members() {
        return new CsvMemberRecords(() -> Utf8Csv.reader(new Capped(stream(members), MAX_CSV)));
    }

    @Override
    public boolean hasPhotos() {
        return true;
    }

    @Override
    public Optional<byte[]> photo(String name) {
        ZipEntry e = byName.get(name);
        if (e == null) {
            return Optional.empty();
        }
        try (InputStream in = new Capped(stream(e), MAX_PHOTO)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException ex) {
            throw unreadable("the entry '" + name + "' cannot be read: " + ex.getMessage());
        }
    }

    private InputStream stream(ZipEntry e) {
        try {
            return zip.getInputStream(e);
        } catch (IOException ex) {
            throw unreadable("the entry '" + e.getName() + "' cannot be read: " + ex.getMessage());
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // the file is deleted with the job
        }
    }

    private static Refusal tooLarge(String detail) {
        return new Refusal(MembershipRule.IMPORT_TOO_LARGE, detail);
    }

    private static Refusal unreadable(String detail) {
        return new Refusal(MembershipRule.IMPORT_UNREADABLE, detail);
    }

    /** Counts what is inflated, whatever the central directory declared. */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private long read;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > cap) {
                throw new IOException("the entry inflates past " + cap + " bytes");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > cap) {
                throw new IOException("the entry inflates past " + cap + " bytes");
            }
            return n;
        }
    }
}
