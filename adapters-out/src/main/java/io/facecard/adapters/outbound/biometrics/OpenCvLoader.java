package io.facecard.adapters.outbound.biometrics;

/** Loads the native OpenCV library bundled in the org.openpnp jar, once per class loader. */
final class OpenCvLoader {
    private static volatile boolean loaded;

    private OpenCvLoader() {}

    static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }
}
