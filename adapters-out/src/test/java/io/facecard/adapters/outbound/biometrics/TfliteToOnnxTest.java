package io.facecard.adapters.outbound.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.adapters.outbound.biometrics.tflite.TfliteModel;
import io.facecard.adapters.outbound.biometrics.tflite.TfliteToOnnx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * The second embedder's conversion: the ONNX model the build writes gives what the TFLite model gives, computed
 * independently by {@link TfliteReference} (NHWC, plain loops, double sums), to 1e-4, on noise and on a real face.
 */
class TfliteToOnnxTest {
    static final Path TFLITE = Path.of(System.getProperty("facecard.tflite", "target/tflite/MobileFaceNet.tflite"));

    @Test
    void theConvertedModelComputesWhatTheTfliteModelDefines() throws Exception {
        TfliteModel tflite = TfliteModel.read(Files.readAllBytes(TFLITE));
        assertThat(tflite.ops()).hasSize(230);
        TfliteReference reference = new TfliteReference(tflite);
        try (OrtNet onnx = new OrtNet(TfliteToOnnx.convert(tflite))) {
            SplittableRandom random = new SplittableRandom(3);
            float[] noise = new float[112 * 112 * 3];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (random.nextDouble() * 2 - 1);
            }
            assertSame(reference.run(noise), onnx.run(planar(noise), new int[] {1, 3, 112, 112}).values().iterator().next());
            float[] face = alignedFace();
            assertSame(reference.run(face), onnx.run(planar(face), new int[] {1, 3, 112, 112}).values().iterator().next());
        }
    }

    @Test
    void theBuildWroteTheSameModelIntoThePack() throws Exception {
        byte[] built = Files.readAllBytes(Path.of("target/classes/model-packs/default/mobilefacenet.onnx"));
        assertThat(built).isEqualTo(TfliteToOnnx.convert(TfliteModel.read(Files.readAllBytes(TFLITE))));
    }

    @Test
    void thePackVerifiesTheConvertedModelAndOnlyBenchmarksRunIt() {
        assertThat(ModelPack.loadAll("classpath:default").optional("embedder2")).isPresent();
        assertThat(ModelPack.load("classpath:default").optional("embedder2")).isEmpty();
    }

    @Test
    void anOperatorTheConverterDoesNotKnowIsRefusedByName() {
        assertThatThrownBy(() -> TfliteModel.Kind.of(9)).hasMessageContaining("9 is not supported");
    }

    private static void assertSame(double[] expected, float[] actual) {
        assertThat(actual).hasSize(192);
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertThat(scale).as("a non-trivial output").isGreaterThan(0.01);
        assertThat(worst).as("largest difference, outputs up to %.3f", scale).isLessThan(1e-4);
    }

    /** A sample face, aligned as the pipeline aligns it, (x − 127.5) / 128, NHWC RGB. */
    private static float[] alignedFace() {
        try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
            Mat img = SampleFaces.image("sample2.jpg");
            FacePipeline.Face f = pipeline.detect(img).get(0);
            Mat aligned = pipeline.align(img, pipeline.landmarks68(img, f.box()));
            byte[] px = new byte[112 * 112 * 3];
            aligned.get(0, 0, px);
            float[] out = new float[px.length];
            for (int i = 0; i < px.length / 3; i++) {
                for (int c = 0; c < 3; c++) {
                    out[3 * i + c] = ((px[3 * i + 2 - c] & 0xFF) - 127.5f) / 128f; // BGR to RGB
                }
            }
            return out;
        }
    }

    private static float[] planar(float[] nhwc) {
        int plane = nhwc.length / 3;
        float[] out = new float[nhwc.length];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = nhwc[3 * i + c];
            }
        }
        return out;
    }
}
