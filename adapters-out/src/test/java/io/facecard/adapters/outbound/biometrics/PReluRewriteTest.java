package io.facecard.adapters.outbound.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The rewritten embedder is the same function as the original, without a single PRelu. */
class PReluRewriteTest {
    static final ModelPack PACK = ModelPack.load("classpath:default");

    static long count(byte[] model, String opType) {
        List<PReluRewrite.Field> top = PReluRewrite.Field.parse(model);
        byte[] graph = top.stream().filter(f -> f.number() == 7).findFirst().orElseThrow().bytes();
        return PReluRewrite.Field.parse(graph).stream().filter(f -> f.number() == 1)
                .map(f -> PReluRewrite.Node.parse(f.bytes()).opType()).filter(opType::equals).count();
    }

    @Test
    void everyPReluBecomesReluMulMulAdd() {
        byte[] original = PACK.embedder();
        byte[] rewritten = PReluRewrite.apply(original);
        long prelus = count(original, "PRelu");
        assertThat(prelus).isEqualTo(33);
        assertThat(count(rewritten, "PRelu")).isZero();
        assertThat(count(rewritten, "Relu")).isEqualTo(count(original, "Relu") + prelus);
        assertThat(count(rewritten, "Mul")).isEqualTo(count(original, "Mul") + 2 * prelus);
        assertThat(count(rewritten, "Conv")).isEqualTo(count(original, "Conv"));
    }

    @Test
    void aModelWithoutPReluIsReturnedUntouched() {
        byte[] detector = PACK.detector();
        assertThat(PReluRewrite.apply(detector)).isSameAs(detector);
    }

    @Test
    void theRewrittenEmbedderGivesTheSameEmbeddings() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] input = new float[3 * 112 * 112];
        Random random = new Random(7);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian() * 0.5f;
        }
        float[] a = run(env, PACK.embedder(), input);
        float[] b = run(env, PReluRewrite.apply(PACK.embedder()), input);
        assertThat(b).hasSize(512);
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i]));
            assertThat(b[i]).as("output %d", i).isCloseTo(a[i], Offset.offset(1e-4f));
        }
        assertThat(largest).as("the check compares real outputs, not zeros").isGreaterThan(0.01);
    }

    static float[] run(OrtEnvironment env, byte[] model, float[] input) throws Exception {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, options);
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, 112, 112});
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            return ((float[][]) result.get(0).getValue())[0];
        }
    }
}
