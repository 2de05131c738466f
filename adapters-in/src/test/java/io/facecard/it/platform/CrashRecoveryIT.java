package io.facecard.it.platform;

import static io.facecard.it.Till.basket;
import static io.facecard.it.Till.line;
import static io.facecard.it.Till.paid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api.Reply;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Till;
import io.facecard.it.checkout.CheckoutIT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kills the server (SIGKILL) while tills run checkouts, starts it again, and lets the tills retry
 * every unanswered call with its key, as a real till does. Afterwards no points are lost and
 * none are counted twice.
 */
public class CrashRecoveryIT {
    public static final Path WLP = Path.of(System.getProperty("facecard.liberty.wlp", "target/liberty/wlp"));
    public static final String SERVER = System.getProperty("facecard.server.name", "facecard-it");
    static final int TILLS = 6;
    static final int CHECKOUTS = 40;
    /** Calls that got no answer of the server's own: proof that the crash hit work in flight. */
    static final AtomicInteger UNANSWERED = new AtomicInteger();

    @Test
    void aCrashInTheMiddleOfCheckoutsLosesNoPointsAndCountsNoneTwice() throws Exception {
        Chain chain = Api.onboard(Api.operatorToken());
        Api.call("PUT", "/api/v1/loyalty/program", chain.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5)).ok(200);
        String store = chain.store("C1");
        List<Till> tills = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < TILLS; i++) {
            tills.add(new Till(chain.terminal(store, "POS").get("apiKey").asText()));
            members.add(CheckoutIT.member(chain, 1000));
        }
        List<String> cards = members.stream()
                .map(m -> CheckoutIT.card(chain, m)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(TILLS);
        List<Future<long[]>> runs = new ArrayList<>();
        for (int i = 0; i < TILLS; i++) {
            Till till = tills.get(i);
            String card = cards.get(i);
            runs.add(pool.submit(() -> checkouts(till, card)));
        }
        Thread.sleep(1500); // the tills are mid-checkout when the server dies
        kill();
        start();

        for (int i = 0; i < TILLS; i++) {
            long[] r = runs.get(i).get(5, TimeUnit.MINUTES);
            String m = members.get(i);
            long redeemed = r[0];
            long earned = r[1];
            assertThat(redeemed).isEqualTo(10L * CHECKOUTS);
            assertThat(earned).isEqualTo(19L * CHECKOUTS);
            JsonNode b = CheckoutIT.balance(chain, m);
            assertThat(b.path("available").asLong()).as("balance of member " + i).isEqualTo(1000 - redeemed + earned);
            assertThat(b.path("held").asLong()).isZero();
            assertThat(CheckoutIT.ledgerSum(chain, m)).isEqualTo(1000 - redeemed + earned);
            long receipts = 0;
            for (JsonNode e : Api.get("/api/v1/members/" + m + "/ledger?limit=200", chain.adminToken()).json().path("items")) {
                receipts += e.path("kind").asText().equals("EARNED") ? 1 : 0;
            }
            assertThat(receipts).as("receipts credited to member " + i).isEqualTo(CHECKOUTS);
        }
        pool.shutdown();
        assertThat(UNANSWERED.get()).as("calls cut off by the crash").isPositive();
    }

    /** @return points redeemed and earned as the server answered them */
    private static long[] checkouts(Till till, String card) {
        long redeemed = 0;
        long earned = 0;
        for (int n = 0; n < CHECKOUTS; n++) {
            String id = retrying(till, "POST", "/api/v1/checkouts", basket(line("ITEM", null, 2, "10.00"))).ok(201).get("id");
            retrying(till, "POST", "/api/v1/checkouts/" + id + "/identify", Map.of("cardNumber", card)).ok(200);
            Reply held = retrying(till, "POST", "/api/v1/checkouts/" + id + "/redemption", Map.of("points", 10)).ok(201);
            Reply completed = retrying(till, "POST", "/api/v1/checkouts/" + id + "/complete", paid("R-" + id, "CARD", "19.00"));
            assertThat(completed.status()).as("checkout " + id + " after the hold " + held.body() + ": " + completed.body()).isEqualTo(200);
            JsonNode done = completed.json();
            redeemed += done.path("pointsRedeemed").asLong();
            earned += done.path("pointsEarned").asLong();
        }
        return new long[] {redeemed, earned};
    }

    /** A till's retry loop: the same key until the server gives an answer of its own. */
    private static Reply retrying(Till till, String method, String path, Object body) {
        String key = Till.key();
        long giveUp = System.currentTimeMillis() + 180_000;
        while (true) {
            try {
                Reply r = till.exchange(method, path, key, body).reply();
                // While the application is not deployed, Liberty itself answers (not with a problem document).
                boolean ours = r.status() < 500 && (r.status() != 404 || r.contentType().startsWith("application/problem+json"));
                if (ours) {
                    return r;
                }
            } catch (IOException e) {
                UNANSWERED.incrementAndGet(); // the server is down: retry
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (System.currentTimeMillis() > giveUp) {
                throw new AssertionError(method + " " + path + " got no answer for 3 minutes");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** SIGKILL: no shutdown hook, no orderly stop. */
    public static void kill() throws IOException {
        long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + SERVER + ".pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly)).as("the server process " + pid).contains(true);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    public static void start() throws Exception {
        Process p = new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", SERVER).inheritIO().start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        Eventually.until("the server to be ready again", Duration.ofMinutes(3), Duration.ofMillis(500), () -> {
            try {
                return Api.raw("GET", "/health/ready", null, null, null).status() == 200;
            } catch (AssertionError down) {
                return false; // not listening yet
            }
        }, Boolean.TRUE::equals);
    }
}
