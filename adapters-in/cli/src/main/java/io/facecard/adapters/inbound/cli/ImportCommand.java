package io.facecard.adapters.inbound.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code facecard import members.csv --photos ./photos}: packs the CSV and the photos it names,
 * uploads them, follows the job with a progress bar, and saves the rows the server refused.
 * Exit codes: 0 every row done, 3 some rows rejected or partly done (see the errors file),
 * 1 the import could not run, 2 bad usage.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import members in bulk from a CSV and, optionally, a folder of their photos.")
final class ImportCommand implements Callable<Integer> {
    static final int OK = 0, FAILED = 1, ROWS_REFUSED = 3;

    @Parameters(index = "0", paramLabel = "MEMBERS.csv", description = "the members CSV (see the API's POST /members/import)")
    Path members;
    @Option(names = "--photos", paramLabel = "DIR", description = "the folder holding the photos the CSV names")
    Path photos;
    @Option(names = "--url", defaultValue = "${env:FACECARD_URL:-http://127.0.0.1:9080}", description = "the platform (default: ${DEFAULT-VALUE})")
    String url;
    @Option(names = "--tenant", description = "the tenant's slug")
    String tenant;
    @Option(names = "--username", description = "a TENANT_ADMIN of the tenant")
    String username;
    @Option(names = "--password-file", paramLabel = "FILE", description = "the password, else $FACECARD_PASSWORD")
    Path passwordFile;
    @Option(names = "--token", defaultValue = "${env:FACECARD_TOKEN}", description = "a bearer token instead of a login (else $FACECARD_TOKEN)")
    String token;
    @Option(names = "--dry-run", description = "check every row and photo; change nothing")
    boolean dryRun;
    @Option(names = "--errors", paramLabel = "FILE", description = "where to save refused rows (default: MEMBERS-errors.csv)")
    Path errors;
    @Option(names = "--poll-millis", defaultValue = "500", hidden = true)
    long pollMillis;

    PrintStream out = System.out;
    PrintStream err = System.err;
    boolean terminal = System.console() != null;

    @Override
    public Integer call() throws Exception {
        Api api = new Api(url);
        if (!login(api)) {
            return FAILED;
        }
        Path upload = members;
        String type = "text/csv";
        Path packed = null;
        if (photos != null) {
            packed = Files.createTempFile("facecard-import-", ".zip");
            upload = ImportArchive.pack(members, photos, packed);
            type = "application/zip";
        }
        try {
            out.println("uploading " + members.getFileName() + (photos != null ? " with photos (" + Files.size(upload) / 1024 + " KB)" : "")
                    + (dryRun ? " as a dry run" : ""));
            Api.Answer started = api.upload(upload, type, dryRun);
            if (started.status() != 202) {
                err.println("the import was refused: " + started.problem());
                return FAILED;
            }
            return follow(api, started.field("id"));
        } finally {
            if (packed != null) {
                Files.deleteIfExists(packed);
            }
        }
    }

    private boolean login(Api api) throws Exception {
        if (token != null && !token.isBlank()) {
            api.useToken(token.strip());
            return true;
        }
        String password = passwordFile != null ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip() : System.getenv("FACECARD_PASSWORD");
        if (tenant == null || username == null || password == null) {
            err.println("give --token, or --tenant, --username and a password (--password-file or $FACECARD_PASSWORD)");
            return false;
        }
        Api.Answer login = api.login(tenant, username, password);
        if (login.status() != 200) {
            err.println("login failed: " + login.problem());
            return false;
        }
        api.useToken(login.field("access_token"));
        return true;
    }

    private int follow(Api api, String job) throws Exception {
        ProgressBar bar = new ProgressBar(out, terminal, 5_000);
        long t0 = System.nanoTime();
        Api.Answer j;
        while (true) {
            j = api.get("/api/v1/jobs/" + job);
            if (j.status() != 200) {
                bar.finish();
                err.println("the job cannot be followed: " + j.problem());
                return FAILED;
            }
            double seconds = Math.max(0.001, (System.nanoTime() - t0) / 1e9);
            long processed = j.number("processed");
            // A dry run changes nothing: its counts are what the real run would do, and say so.
            bar.show(dryRun ? "checked" : "rows", processed, j.number("total"), String.format(Locale.ROOT,
                    dryRun ? "would create %d would skip %d faces %d partial %d rejected %d  %.0f rows/s"
                            : "created %d skipped %d faces %d partial %d rejected %d  %.0f rows/s", j.number("created"), j.number("skipped"),
                    j.number("enrolled"), j.number("partial"), j.number("rejected"), processed / seconds));
            String status = j.field("status");
            if (!List.of("QUEUED", "RUNNING").contains(status)) {
                bar.finish();
                break;
            }
            Thread.sleep(pollMillis);
        }
        String status = j.field("status");
        out.println("job " + job + " " + status + (j.field("failure") != null && !"null".equals(j.field("failure")) ? ": " + j.field("failure") : ""));
        if (j.number("rejected") + j.number("partial") > 0) {
            Path target = errors != null ? errors : members.resolveSibling(members.getFileName().toString().replaceFirst("\\.csv$", "") + "-errors.csv");
            Api.Answer csv = api.get("/api/v1/jobs/" + job + "/errors");
            Files.writeString(target, csv.body(), StandardCharsets.UTF_8);
            out.println((j.number("rejected") + j.number("partial")) + " rows need a look: " + target);
            return "SUCCEEDED".equals(status) ? ROWS_REFUSED : FAILED;
        }
        return "SUCCEEDED".equals(status) ? OK : FAILED;
    }
}
