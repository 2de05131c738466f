package io.facecard.it;

import io.facecard.fakes.Sandbox;
import java.nio.file.Path;

/**
 * The sandbox's fakes, started once in the test JVM where the server's configuration points
 * ({@code facecard.sandbox.dir}): the server reads their hosts and keys from the file the
 * sandbox writes. Living here, not in the server, they keep their state when a test kills the server.
 */
public final class Fakes {
    private static Sandbox sandbox;

    private Fakes() {}

    public static synchronized Sandbox sandbox() {
        if (sandbox == null) {
            try {
                sandbox = Sandbox.start(Path.of(System.getProperty("facecard.sandbox.dir", "target/sandbox")), 0);
            } catch (Exception e) {
                throw new AssertionError("the sandbox's fakes did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        }
        return sandbox;
    }
}
