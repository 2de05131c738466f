package io.facecard.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import io.facecard.it.Photos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console's end-to-end tests (console/e2e, Playwright driving Debian's headless Chromium) against this run's real
 * platform: the same Liberty, database and models as every other IT. Screenshots land in console/target/screenshots.
 */
public class ConsoleIT {
    private static final Path CONSOLE = Path.of(System.getProperty("facecard.console.dir", "../console")).toAbsolutePath().normalize();

    @Test
    void fourRolesDoTheirWorkInTheBrowser() throws Exception {
        Path log = CONSOLE.resolve("target/e2e.log");
        Path faces = CONSOLE.resolve("target/faces");
        Files.createDirectories(faces);
        List<byte[]> people = Photos.people(); // single faces cut from the build's test photos: a camera sends crops
        for (int i = 0; i < people.size(); i++) {
            Files.write(faces.resolve("face-" + i + ".jpg"), people.get(i));
        }
        ProcessBuilder npx = new ProcessBuilder(List.of("npx", "--no-install", "playwright", "test"))
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        npx.environment().put("FACECARD_BASE_URL", Api.BASE);
        npx.environment().put("FACECARD_OPERATOR_PASSWORD", Api.OPERATOR_PASSWORD);
        npx.environment().put("FACECARD_TEST_FACES", faces.toString());
        npx.environment().put("CONSOLE_SCREENSHOTS", CONSOLE.resolve("target/screenshots").toString());
        Process run = npx.start();
        boolean ended = run.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the browser tests end within 10 minutes:\n" + output).isTrue();
        assertThat(run.exitValue()).as("the browser tests pass:\n" + output).isZero();
        assertThat(output).contains("passed");
    }
}
