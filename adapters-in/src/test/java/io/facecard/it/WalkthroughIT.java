package io.facecard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthroughs, run as a newcomer would paste them (bash, curl, python3), against the
 * test server: a block marked {@code <!-- walkthrough: NAME -->} that stops working fails CI.
 */
class WalkthroughIT {
    private static final Pattern BLOCK = Pattern.compile("<!-- walkthrough: ([a-z-]+) -->\\s*```bash\\n(.*?)```", Pattern.DOTALL);

    record Run(int exit, List<String> out, String err) {}

    static Run run(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script);
        pb.environment().put("FACECARD_URL", Api.BASE);
        pb.environment().put("FACECARD_OPERATOR_PASSWORD", Api.OPERATOR_PASSWORD);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the walkthrough did not finish in 120 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static String block(String name) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(Path.of(System.getProperty("facecard.readme", "../README.md"))));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("the README has no walkthrough '" + name + "'; it has " + names);
    }

    @Test
    void theOnboardingWalkthroughTakesAChainFromNothingToItsFirstCheckout() throws Exception {
        Run r = run(block("onboarding"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsExactly("ACTIVE", "Lena Vogel", "4");
    }
}
