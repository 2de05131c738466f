package io.facecard.adapters.outbound.biometrics;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * ONNX Runtime. Denormal weights are flushed to zero: the stock embedder holds thousands of them
 * and runs several times slower without it (PLATFORM-NOTES measured 43–68 ms against 7–20 ms).
 * PRelu is rewritten into operators ONNX Runtime runs fast ({@link PReluRewrite}).
 */
final class OrtNet implements Net {
    private static final OrtEnvironment ENV = environment();

    /**
     * One global intra-op pool whose threads flush denormals. A per-session setting only reaches
     * the thread that created the environment: other request threads ran the embedder 4× slower.
     */
    private static OrtEnvironment environment() {
        try {
            OrtEnvironment.ThreadingOptions threading = new OrtEnvironment.ThreadingOptions();
            threading.setGlobalDenormalAsZero();
            threading.setGlobalIntraOpNumThreads(Integer.getInteger("facecard.ort.threads", Runtime.getRuntime().availableProcessors()));
            threading.setGlobalInterOpNumThreads(1);
            threading.setGlobalSpinControl(false);
            return OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "facecard", threading);
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
    private final OrtSession session;
    private final String inputName;

    OrtNet(byte[] model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.disablePerSessionThreads();
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.valueOf(System.getProperty("facecard.ort.opt", "ALL_OPT")));
            options.addConfigEntry("session.set_denormal_as_zero", "1");
            // The age and gender models list their weights among the graph inputs: a warning per weight at every load.
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.addConfigEntry("session.intra_op.allow_spinning", "0"); // spinning doubled latency at 2 threads on 2 cores
            session = ENV.createSession(PReluRewrite.apply(model), options);
            inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the model", e);
        }
    }

    @Override
    public Map<String, float[]> run(float[] input, int[] shape) {
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), dims);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            Map<String, float[]> out = new HashMap<>();
            result.forEach(e -> {
                FloatBuffer b = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] values = new float[b.remaining()];
                b.get(values);
                out.put(e.getKey(), values);
            });
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
