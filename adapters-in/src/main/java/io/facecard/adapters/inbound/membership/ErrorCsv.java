package io.facecard.adapters.inbound.membership;

/** One CSV cell (RFC 4180 quoting) that a spreadsheet will not run as a formula. */
final class ErrorCsv {
    private ErrorCsv() {}

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // a CRM id like "=HYPERLINK(...)" stays text
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
