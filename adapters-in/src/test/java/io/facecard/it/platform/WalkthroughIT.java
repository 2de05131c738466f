package io.facecard.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import io.facecard.it.Fakes;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthroughs, run as a newcomer would paste them (bash, curl, python3), against the
 * test server: a block marked {@code <!-- walkthrough: NAME -->} that stops working fails CI.
 */
class WalkthroughIT {
    private static final Pattern BLOCK = Pattern.compile("<!-- walkthrough: ([a-z-]+) -->\\s*```bash\\n(.*?)```", Pattern.DOTALL);

    record Run(int exit, List<String> out, String err) {}

    static Run run(String script, String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script);
        pb.environment().put("FACECARD_URL", Api.BASE);
        pb.environment().put("FACECARD_OPERATOR_PASSWORD", Api.OPERATOR_PASSWORD);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
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

    /**
     * The demo walkthroughs as written for {@code localhost:9080} and {@code /var/lib/facecard}: the test server is seeded
     * by the start command's own {@code seed} (a demo tenant, its till and member, a CNY tenant with WeChat Pay), and
     * the blocks run in the README's order in one shell, only the host, the state folder and the fakes' port put in.
     */
    @Test
    void theDemoWalkthroughsRunAsWrittenOnTheSeededDemo(@TempDir Path state) throws Exception {
        String fakes = Fakes.sandbox().controlUrl().replace("http://", ""); // running before the seed sets the messengers up
        Files.writeString(state.resolve("operator-password"), Api.OPERATOR_PASSWORD);
        String port = Api.BASE.substring(Api.BASE.lastIndexOf(':') + 1);
        Run seeded = run("bash ../.ci/platform seed", "FACECARD_STATE_DIR", state.toString(), "FACECARD_HTTP_PORT", port,
                "FACECARD_SANDBOX", "true");
        assertThat(seeded.exit()).as(seeded.err()).isZero();
        StringBuilder script = new StringBuilder();
        for (String name : new String[] {"wechat-face-pay", "demo-session", "telegram-receipt", "coupon"}) {
            script.append("echo '== ").append(name).append("'\n").append(block(name)).append('\n');
        }
        Run r = run(script.toString().replace("localhost:9080", Api.BASE.replace("http://", "")).replace("/var/lib/facecard", state.toString())
                .replace("127.0.0.1:9099", fakes));
        assertThat(r.exit()).as(r.err() + String.join("\n", r.out())).isZero();
        String out = String.join("\n", r.out());
        assertThat(out).contains("\"status\":\"PENDING\"").contains("\"payments\":[{\"amount\"").contains("Receipt").contains("LATTE-").contains("\"redeemed\":1");
    }

    @Test
    void theOnboardingWalkthroughTakesAChainFromNothingToItsFirstCheckout() throws Exception {
        Run r = run(block("onboarding"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsExactly("ACTIVE", "Lena Vogel", "4");
    }
}
