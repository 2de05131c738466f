package io.facecard.application.membership;

import io.facecard.application.membership.port.ImportUploads;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;

/** What a members file must look like before any of its rows is read: known columns, the required ones present. */
final class ImportColumns {
    private ImportColumns() {}

    /** Checks the header and counts the records. */
    static long count(ImportUploads.MemberRecords records) {
        check(records.header());
        long[] n = {0};
        records.each((line, values) -> n[0]++);
        return n[0];
    }

    static void check(List<String> header) {
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

    private static Refusal unreadable(String detail) {
        return new Refusal(MembershipRule.IMPORT_UNREADABLE, detail);
    }
}
