package io.facecard.adapters.outbound.membership;

import io.facecard.application.membership.port.ImportUploads;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A members CSV (RFC 4180, UTF-8, first line the header, columns by name in any order), parsed record by record. */
final class CsvMemberRecords implements ImportUploads.MemberRecords {
    /** A field longer than this is not a member's data. */
    static final int MAX_FIELD = 4_096;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final Supplier<Reader> source;

    CsvMemberRecords(Supplier<Reader> source) {
        this.source = source;
    }

    @Override
    public List<String> header() {
        try (CSVParser parser = parser(source.get())) {
            return parser.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void each(ImportUploads.RecordHandler handler) {
        try (CSVParser parser = parser(source.get())) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    r = records.next();
                } catch (IllegalStateException | UncheckedIOException e) {
                    throw unreadable("the CSV cannot be read after line " + parser.getCurrentLineNumber() + ": " + e.getMessage());
                }
                for (String v : r) {
                    if (v.length() > MAX_FIELD) {
                        throw unreadable("a field on line " + (r.getRecordNumber() + 1) + " is longer than " + MAX_FIELD + " characters");
                    }
                }
                handler.record(r.getRecordNumber() + 1, r.toMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CSVParser parser(Reader in) throws IOException {
        try {
            return FORMAT.parse(in);
        } catch (IllegalArgumentException | UncheckedIOException e) { // a duplicate or malformed header, bytes that are not UTF-8
            in.close();
            throw unreadable("the CSV header cannot be read: " + e.getMessage());
        }
    }

    private static Refusal unreadable(String detail) {
        return new Refusal(MembershipRule.IMPORT_UNREADABLE, detail);
    }
}
