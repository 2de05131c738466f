package io.facecard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 29's kill test against the replica mode ({@code FACECARD_REPLICAS=2 bash .ci/platform start}): N tills run
 * checkouts through HAProxy, each retrying a failed call with the same Idempotency-Key for up to
 * {@code -Dbench.retrySeconds} (default 30); at {@code -Dbench.killAt} seconds one replica is SIGKILLed, at
 * {@code -Dbench.restartAt} it is started again ({@code -Dbench.mode=rolling}: from {@code bench.killAt} on, every replica
 * is stopped and started in turn, the next once the previous is ready). Afterwards every balance is checked (start + what the tills were
 * told = the ledger, one receipt per completed checkout), and the checkouts the tills gave up on are counted.
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.ReplicaKillBenchmark \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password) -Dbench.tills=16 -Dbench.seconds=60</pre>
 */
public final class ReplicaKillBenchmark {
    private ReplicaKillBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("bench.retrySeconds") == null) {
            System.setProperty("bench.retrySeconds", "30");
        }
        CheckoutLoadBenchmark.base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        int tills = Integer.getInteger("bench.tills", 16);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int killAt = Integer.getInteger("bench.killAt", 15);
        int restartAt = Integer.getInteger("bench.restartAt", 30);
        String victim = System.getProperty("bench.victim", "facecard-1");
        Path wlp = Path.of(System.getProperty("bench.wlp", "/var/lib/facecard/liberty/wlp"));
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password",
                System.getProperty("bench.operatorPassword", "integration-tests-operator")));
        var shop = CheckoutLoadBenchmark.store(operator, "bench-kill-", tills, Integer.getInteger("bench.members", 200));
        System.out.printf("tenant %s: %d tills through %s for %d s; %s%n", shop.slug(), tills, CheckoutLoadBenchmark.base, seconds,
                System.getProperty("bench.mode", "kill").equals("rolling") ? "a rolling restart of every replica from " + killAt + " s"
                        : victim + " is killed at " + killAt + " s and started again at " + restartAt + " s");

        // Also in flight at the kill (-Dbench.inFlight=false: tills only): a campaign sending and WeChat face-pays being queried.
        boolean inFlight = Boolean.parseBoolean(System.getProperty("bench.inFlight", "true"));
        java.sql.Connection db = inFlight ? java.sql.DriverManager.getConnection(System.getProperty("bench.jdbc",
                "jdbc:postgresql://127.0.0.1:5432/facecard"), "facecard", System.getProperty("bench.dbPassword",
                Files.readString(Path.of("/var/lib/facecard/db-password")).strip())) : null;
        InFlight.Campaign campaign = inFlight ? InFlight.Campaign.prepare(db, Integer.getInteger("bench.recipients", 20_000)) : null;
        InFlight.FacePays pays = inFlight ? InFlight.FacePays.prepare(operator) : null;
        Map<String, Long> itemsBefore = WebhookBenchmark.workerItemsAll();
        String mode = System.getProperty("bench.mode", "kill");
        int replicas = Integer.getInteger("bench.replicas", 2);
        Thread chaos = new Thread(() -> {
            try {
                if (mode.equals("rolling")) {
                    // A rolling restart: each replica stopped the way an upgrade stops it (server stop), then started,
                    // the next one only once the previous answers /health/ready again.
                    Thread.sleep(killAt * 1000L);
                    for (int i = 1; i <= replicas; i++) {
                        String name = "facecard-" + i;
                        long t = System.nanoTime();
                        run(wlp, "stop", name);
                        run(wlp, "start", name);
                        int port = Integer.getInteger("bench.firstReplicaPort", 9081) + i - 1;
                        while (!ready(port)) {
                            Thread.sleep(500);
                        }
                        System.out.printf("%s restarted and ready again in %.1f s%n", name, (System.nanoTime() - t) / 1e9);
                    }
                    return;
                }
                Thread.sleep(Math.max(0, killAt - 3) * 1000L);
                if (campaign != null) {
                    campaign.start(); // 3 s before the kill: its audience is being frozen and queued, its messages sent
                }
                Thread.sleep(3000L);
                long pid = pidOf(victim).orElseThrow(() -> new IllegalStateException("no running " + victim));
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                System.out.printf("%s (pid %d) SIGKILLed%n", victim, pid);
                Thread.sleep((restartAt - killAt) * 1000L);
                long t0 = System.nanoTime();
                run(wlp, "start", victim);
                System.out.printf("%s started again (%.1f s until its server answered the start command)%n", victim, (System.nanoTime() - t0) / 1e9);
            } catch (Exception e) {
                System.out.println("chaos failed: " + e);
            }
        }, "chaos");
        chaos.start();
        Thread payer = pays == null ? null : pays.run(1000);
        long t0 = System.nanoTime();
        List<CheckoutLoadBenchmark.TillResult> results = CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), seconds);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        chaos.join();
        if (payer != null) {
            pays.stop = true;
            payer.join();
        }
        CheckoutLoadBenchmark.report(results, elapsed, tills);
        long failed = results.stream().mapToLong(r -> java.util.Arrays.stream(r.errors()).sum()).sum();
        System.out.printf("calls retried (same key): %d; checkouts the tills gave up on after %d s of retries: %d%n",
                CheckoutLoadBenchmark.RETRIES.get(), Long.getLong("bench.retrySeconds"), failed);
        CheckoutLoadBenchmark.verify(shop.admin(), shop.members(), new ArrayList<>(results));
        System.out.println("requests per replica (HAProxy's counters since it started): " + balancerCounts());
        if (inFlight) {
            pays.verify();
            campaign.verify(db);
            leases(db);
            db.close();
        }
        // What each replica's workers did during the run (a restarted replica counts from its restart).
        Map<String, Long> itemsAfter = WebhookBenchmark.workerItemsAll();
        itemsAfter.forEach((k, n) -> System.out.printf("  %-40s %d%n", k, n - itemsBefore.getOrDefault(k, 0L)));
    }

    /**
     * No stuck lease: nothing that was due more than two minutes ago is still waiting (a claim whose holder died is due
     * again when its lease ends, and someone must have taken it), and every Axon token claim was renewed in the last
     * 30 s (the killed replica's claims were taken over).
     */
    static void leases(java.sql.Connection db) throws Exception {
        String[][] checks = {
                {"outbox messages overdue", "select count(*) from outbox_message where status = 'QUEUED' and next_at < now() - interval '2 minutes'"},
                {"payment steps overdue", "select count(*) from payment_due where due_at < now() - interval '2 minutes'"},
                {"CRM deliveries overdue", "select count(*) from crm_delivery where status = 'PENDING' and next_at < now() - interval '2 minutes'"},
                {"campaign steps overdue", "select count(*) from campaign_due where due_at < now() - interval '2 minutes'"},
                {"Axon token claims not renewed for 30 s", "select count(*) from tokenentry where owner is not null "
                        + "and timestamp::timestamptz < now() - interval '30 seconds'"}};
        StringBuilder out = new StringBuilder("stuck leases:");
        try (var st = db.createStatement()) {
            for (String[] c : checks) {
                try (var r = st.executeQuery(c[1])) {
                    r.next();
                    out.append(' ').append(c[0]).append(' ').append(r.getLong(1)).append(';');
                } catch (java.sql.SQLException e) {
                    out.append(' ').append(c[0]).append(" unreadable (").append(e.getMessage().split("\n")[0]).append(");");
                }
            }
        }
        System.out.println(out);
    }

    /** Each replica's total sessions and state, from HAProxy's statistics page (CSV). */
    static String balancerCounts() {
        try {
            String csv = CheckoutLoadBenchmark.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    System.getProperty("bench.stats", "http://127.0.0.1:9130/;csv"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            StringBuilder out = new StringBuilder();
            for (String line : csv.split("\n")) {
                String[] f = line.split(",");
                if (f.length > 17 && f[0].equals("replicas") && f[1].startsWith("facecard-")) {
                    out.append(f[1]).append(' ').append(f[7]).append(" (").append(f[17]).append(") ");
                }
            }
            return out.toString().strip();
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    /** Liberty's server command, with what .ci/platform gives a replica: the database password, the capped heap. */
    static void run(Path wlp, String action, String server) throws Exception {
        ProcessBuilder b = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, server).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("FACECARD_DB_PASSWORD", System.getProperty("bench.dbPassword",
                Files.readString(Path.of("/var/lib/facecard/db-password")).strip()));
        b.environment().put("JVM_ARGS", "-Xmx" + System.getProperty("bench.heap", "3g"));
        b.start().waitFor();
    }

    static boolean ready(int port) {
        try {
            return CheckoutLoadBenchmark.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/health/ready")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** The Liberty server's JVM: its command line ends with {@code ws-server.jar <name>}. */
    static Optional<Long> pidOf(String server) throws Exception {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ').strip();
                    if (cmd.endsWith("ws-server.jar " + server)) {
                        return Optional.of(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (Exception gone) {
                    // the process ended while the list was read
                }
            }
        }
        return Optional.empty();
    }
}
