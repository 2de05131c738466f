package io.facecard.it.membership;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import io.facecard.it.Photos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it (java -jar, a real process) against the test server: progress bar, errors file, exit code. */
class ImportCliIT {
    static final Path JAR = Path.of(System.getProperty("facecard.cli.jar", "cli/target/facecard-cli.jar"));

    @TempDir
    Path dir;

    @Test
    void theCliImportsMembersWithTheirPhotosAndSavesTheRefusedRows() throws Exception {
        Chain chain = onboard(operatorToken());
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("p0.jpg"), Photos.people().get(0));
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, MemberImportIT.HEADER
                + "cli-1,Cli One,,,CLI-1,,,,yes,no,v2,p0.jpg\n"
                + "cli-2,Cli Two,,,CLI-2,,,,,,,\n"
                + "cli-3,,,,,,,,,,,\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "import", csv.toString(), "--photos", photos.toString(), "--url", BASE,
                "--tenant", chain.slug(), "--username", "admin", "--poll-millis", "100").redirectErrorStream(true);
        pb.environment().put("FACECARD_PASSWORD", PASSWORD);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("uploading members.csv with photos").contains("] 100% 3/3")
                .contains("created 2").contains("faces 1").contains("rejected 1").contains("SUCCEEDED");

        Path errors = dir.resolve("members-errors.csv");
        List<String> lines = Files.readAllLines(errors);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("4,cli-3,,REJECTED,invalid-request");
        String one = MemberImportIT.byExternalId(chain, "cli-1").get(0).path("id").asText();
        assertThat(get("/api/v1/members/" + one + "/faces", chain.adminToken()).ok(200).json().size()).isEqualTo(1);
        assertThat(MemberImportIT.members(chain)).isEqualTo(2);
    }
}
