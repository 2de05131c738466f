package io.facecard.bench;

import io.facecard.adapters.outbound.biometrics.FacePipeline;
import io.facecard.adapters.outbound.biometrics.ModelPack;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark 1: decode + detect + align + embed per image, ONNX Runtime against OpenCV DNN on the
 * same model pack, in one run. Images: the London set of ../shared/faces-eval when present,
 * otherwise the build's sample photos.
 *
 * <pre>./mvnw -q -pl adapters-out exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.PipelineBenchmark</pre>
 */
public final class PipelineBenchmark {
    public static void main(String[] args) throws Exception {
        List<byte[]> images = images(Integer.getInteger("bench.images", 60));
        int rounds = Integer.getInteger("bench.rounds", 3);
        ModelPack pack = ModelPack.load("classpath:default");
        System.out.printf("%d images, %d rounds each, %d cores%n", images.size(), rounds, Runtime.getRuntime().availableProcessors());
        // ONNX Runtime's global pool size: -Dfacecard.ort.threads (default: all cores).
        double dnn = run("OpenCV DNN", new FacePipeline(pack, FacePipeline.Engine.OPENCV_DNN), images, rounds);
        double ort = run("ONNX Runtime", new FacePipeline(pack, FacePipeline.Engine.ONNX_RUNTIME), images, rounds);
        System.out.printf("ratio ONNX Runtime / OpenCV DNN (mean): %.2f (target <= 1.10)%n", ort / dnn);
    }

    static double run(String name, FacePipeline pipeline, List<byte[]> images, int rounds) {
        for (byte[] image : images.subList(0, Math.min(10, images.size()))) {
            pipeline.scan(image, ScanRules.DEFAULT); // warm-up
        }
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (byte[] image : images) {
                long t0 = System.nanoTime();
                pipeline.scan(image, ScanRules.DEFAULT);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        pipeline.close();
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf("%-26s mean %6.2f ms  p50 %6.2f  p95 %6.2f  p99 %6.2f  (n=%d)%n", name, mean,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[(int) (sorted.length * 0.99)], sorted.length);
        return mean;
    }

    public static List<byte[]> images(int max) throws Exception {
        Path london = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval")).resolve("london_cc_by");
        Path dir = Files.isDirectory(london) ? london : Path.of(System.getProperty("facecard.test-images", "target/test-images"));
        try (Stream<Path> files = Files.walk(dir)) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(max).toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        }
    }
}
