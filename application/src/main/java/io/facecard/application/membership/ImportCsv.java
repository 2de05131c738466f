package io.facecard.application.membership;

import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a members CSV record by record (RFC 4180, first line the header, columns by name, in any order). */
final class ImportCsv {
    /** A field longer than this is not a member's data: the parser stops rather than buffer it. */
    static final int MAX_FIELD = 4_096;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private ImportCsv() {}

    /** Checks the header and counts the records. */
    static long count(Reader members) {
        long[] n = {0};
        each(members, (line, row) -> n[0]++);
        return n[0];
    }

    interface RowHandler {
        void row(long line, Map<String, String> values);
    }

    static void each(Reader members, RowHandler handler) {
        try (CSVParser parser = parser(members)) {
            checkHeader(parser.getHeaderNames());
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord r = next(records);
                handler.row(r.getRecordNumber() + 1, r.toMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CSVParser parser(Reader members) throws IOException {
        try {
            return FORMAT.parse(members);
        } catch (IllegalArgumentException | UncheckedIOException e) { // a duplicate or malformed header
            throw unreadable("the CSV header cannot be read: " + e.getMessage());
        }
    }

    private static CSVRecord next(Iterator<CSVRecord> records) {
        try {
            CSVRecord r = records.next();
            for (String v : r) {
                if (v.length() > MAX_FIELD) {
                    throw unreadable("a field of record " + (r.getRecordNumber() + 1) + " is longer than " + MAX_FIELD + " characters");
                }
            }
            return r;
        } catch (IllegalStateException | UncheckedIOException e) {
            throw unreadable("the CSV cannot be read: " + e.getMessage());
        }
    }

    private static void checkHeader(List<String> header) {
        if (header == null || header.isEmpty()) {
            throw unreadable("the CSV has no header line; columns: " + String.join(",", ImportRow.COLUMNS));
        }
        List<String> unknown = new ArrayList<>(header);
        unknown.removeAll(ImportRow.COLUMNS);
        if (!unknown.isEmpty()) {
            throw unreadable("unknown columns " + unknown + "; columns: " + String.join(",", ImportRow.COLUMNS));
        }
        for (String required : ImportRow.REQUIRED) {
            if (!header.contains(required)) {
                throw unreadable("the column '" + required + "' is required");
            }
        }
    }

    static Refusal unreadable(String detail) {
        return new Refusal(MembershipRule.IMPORT_UNREADABLE, detail);
    }

}
