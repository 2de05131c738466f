package io.facecard.adapters.inbound.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a members CSV and the photos it names (from a folder) into the zip the API takes:
 * {@code members.csv} at the root, each named photo once, read from disk a file at a time.
 * Photos the CSV does not name stay out; one it names but the folder lacks is left to the
 * server to report on its row.
 */
final class ImportArchive {
    private ImportArchive() {}

    static Path pack(Path members, Path photos, Path zip) throws IOException {
        Set<String> named = photoNames(members);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("members.csv"));
            Files.copy(members, out);
            out.closeEntry();
            for (String name : named) {
                Path photo = photos.resolve(name).normalize();
                if (!photo.startsWith(photos.normalize()) || !Files.isRegularFile(photo)) {
                    continue; // outside the folder or absent: the server reports the row
                }
                out.putNextEntry(new ZipEntry(name));
                Files.copy(photo, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** The photo column's values; the CSV is parsed by the server, here only the header and plain or quoted cells matter. */
    static Set<String> photoNames(Path members) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (BufferedReader in = Files.newBufferedReader(members, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return names;
            }
            int column = Csv.cells(header.replace("\uFEFF", "")).indexOf("photo");
            if (column < 0) {
                return names;
            }
            for (String line; (line = in.readLine()) != null; ) {
                var cells = Csv.cells(line);
                if (column < cells.size() && !cells.get(column).isBlank()) {
                    names.add(cells.get(column).strip());
                }
            }
        }
        return names;
    }
}
