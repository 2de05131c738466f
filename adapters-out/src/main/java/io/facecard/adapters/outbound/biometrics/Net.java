package io.facecard.adapters.outbound.biometrics;

import java.util.Map;

/** One ONNX model behind an inference engine: input tensor in, named float outputs out. */
interface Net extends AutoCloseable {
    Map<String, float[]> run(float[] input, int[] shape);

    @Override
    void close();
}
