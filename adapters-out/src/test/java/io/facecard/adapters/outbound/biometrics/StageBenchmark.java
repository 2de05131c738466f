package io.facecard.adapters.outbound.biometrics;

import io.facecard.bench.PipelineBenchmark;
import java.util.List;
import java.util.function.Function;
import org.opencv.core.Mat;

/**
 * Where the time of one scan goes, per stage and engine (decode, detect, landmarks + align,
 * embed one orientation, head pose, eye state), on the same images as {@link PipelineBenchmark}: tells which model
 * makes ONNX Runtime slower or faster than OpenCV DNN.
 *
 * <pre>./mvnw -q -pl adapters-out exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.adapters.outbound.biometrics.StageBenchmark</pre>
 */
public final class StageBenchmark {
    public static void main(String[] args) throws Exception {
        List<byte[]> images = PipelineBenchmark.images(Integer.getInteger("bench.images", 60));
        int rounds = Integer.getInteger("bench.rounds", 3);
        ModelPack pack = ModelPack.load("classpath:default");
        for (int pass = 0; pass < 2; pass++) { // twice, alternating, so neither engine gets the warmer machine
            for (FacePipeline.Engine engine : FacePipeline.Engine.values()) {
                Function<byte[], Net> open = engine == FacePipeline.Engine.ONNX_RUNTIME ? OrtNet::new : OpenCvDnnNet::new;
                try (FacePipeline p = new FacePipeline(pack, engine);
                        HeadPose pose = new HeadPose(open.apply(pack.optional("pose").orElseThrow()), pack.intValue("pose.size"));
                        EyeState eyes = new EyeState(open.apply(pack.optional("eyes").orElseThrow()), pack.intValue("eyes.size"))) {
                    double[] t = new double[6];
                    int n = 0;
                    for (int r = -1; r < rounds; r++) {
                        for (byte[] image : images) {
                            long t0 = System.nanoTime();
                            Mat bgr = p.decode(image).image();
                            long t1 = System.nanoTime();
                            List<FacePipeline.Face> faces = p.detect(bgr);
                            long t2 = System.nanoTime();
                            if (faces.isEmpty()) {
                                bgr.release();
                                continue;
                            }
                            double[][] points = p.landmarks68(bgr, faces.get(0).box());
                            Mat aligned = p.align(bgr, points);
                            long t3 = System.nanoTime();
                            p.embed(aligned, false);
                            long t4 = System.nanoTime();
                            pose.of(bgr, faces.get(0).box());
                            long t5 = System.nanoTime();
                            eyes.of(bgr, points);
                            long t6 = System.nanoTime();
                            aligned.release();
                            bgr.release();
                            if (r >= 0) { // round -1 warms up
                                t[0] += t1 - t0;
                                t[1] += t2 - t1;
                                t[2] += t3 - t2;
                                t[3] += t4 - t3;
                                t[4] += t5 - t4;
                                t[5] += t6 - t5;
                                n++;
                            }
                        }
                    }
                    System.out.printf("pass %d %-12s decode %6.2f  detect %6.2f  landmarks+align %6.2f  embed %6.2f  pose %6.2f  eyes %6.2f ms (n=%d)%n",
                            pass, engine, t[0] / n / 1e6, t[1] / n / 1e6, t[2] / n / 1e6, t[3] / n / 1e6, t[4] / n / 1e6, t[5] / n / 1e6, n);
                }
            }
        }
    }
}
