package io.facecard.bench;

import io.facecard.adapters.outbound.biometrics.FacePipeline;
import io.facecard.adapters.outbound.biometrics.ModelPack;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * What the pack's liveness model tells apart, on stills: the eval sets' photos as the "live"
 * captures, and re-capture stand-ins synthesised from them (there is no camera here): the photo
 * warped flat inside a device frame, a screen with moiré, tint and glare, a low-resolution
 * reprint. Prints the live score per kind and the error rates at candidate thresholds
 * (APCER: attacks taken as live; BPCER: live faces refused).
 *
 * <pre>cd adapters-in && ../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.LivenessBenchmark -Dfaces.eval=../../shared/faces-eval</pre>
 */
public final class LivenessBenchmark {
    static final ScanRules RULES = new ScanRules(40, 0, false, false).withLiveness();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        List<byte[]> live = new ArrayList<>();
        for (String set : List.of("london_cc_by", "impostors_canada_cc_by", EvalPhotos.WILD)) {
            try (Stream<Path> files = Files.walk(root.resolve(set))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                    live.add(Files.readAllBytes(p));
                }
            }
        }
        Random random = new Random(12);
        Map<String, UnaryOperator<Mat>> attacks = new LinkedHashMap<>();
        attacks.put("framed photo", m -> framed(m, random));
        attacks.put("screen (moire, tint, glare)", m -> screen(m, random));
        attacks.put("low-res reprint", LivenessBenchmark::reprint);
        Map<String, double[]> scores = new LinkedHashMap<>();
        try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
            scores.put("live (eval photos)", score(pipeline, live, UnaryOperator.identity()));
            attacks.forEach((name, attack) -> scores.put(name, score(pipeline, live, attack)));
        }
        scores.forEach((name, s) -> System.out.printf("%-28s n=%4d  p5 %.3f  p25 %.3f  median %.3f  p75 %.3f  p95 %.3f%n", name, s.length,
                q(s, 0.05), q(s, 0.25), q(s, 0.5), q(s, 0.75), q(s, 0.95)));
        double[] real = scores.get("live (eval photos)");
        for (double t : new double[] {0.3, 0.5, 0.7, 0.9}) {
            StringBuilder b = new StringBuilder(String.format("threshold %.1f: BPCER %s", t, Roc.share(below(real, t), real.length)));
            scores.forEach((name, s) -> {
                if (s != real) {
                    b.append(String.format("; APCER %s %s", name, Roc.share(s.length - below(s, t), s.length)));
                }
            });
            System.out.println(b);
        }
    }

    static double[] score(FacePipeline pipeline, List<byte[]> photos, UnaryOperator<Mat> attack) {
        List<Double> out = new ArrayList<>();
        for (byte[] photo : photos) {
            Mat m = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
            FaceScan s = pipeline.scan(jpeg(attack.apply(m), 90), RULES);
            if (!Double.isNaN(s.checks().liveness())) {
                out.add(s.checks().liveness());
            }
        }
        double[] a = out.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** The photo shown on a device held up to the camera: shrunk, tilted in perspective, inside a dark bezel, on a background. */
    static Mat framed(Mat photo, Random random) {
        int w = photo.cols();
        int h = photo.rows();
        Mat scene = new Mat(h, w, CvType.CV_8UC3, new Scalar(70 + random.nextInt(60), 80 + random.nextInt(60), 90 + random.nextInt(60)));
        double inset = 0.18;
        double tilt = 0.04 + random.nextDouble() * 0.06;
        Point[] to = {new Point(w * inset, h * (inset + tilt)), new Point(w * (1 - inset), h * inset),
                new Point(w * (1 - inset), h * (1 - inset)), new Point(w * inset, h * (1 - inset - tilt))};
        MatOfPoint2f bezel = new MatOfPoint2f(grow(to, 0.06, w, h));
        Imgproc.fillConvexPoly(scene, new MatOfPoint(bezel.toArray()), new Scalar(20, 20, 20));
        Mat warp = Imgproc.getPerspectiveTransform(new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h)),
                new MatOfPoint2f(to));
        Mat shown = new Mat();
        Imgproc.warpPerspective(photo, shown, warp, scene.size());
        Mat mask = new Mat(scene.size(), CvType.CV_8UC1, Scalar.all(0));
        Imgproc.fillConvexPoly(mask, new MatOfPoint(to), Scalar.all(255));
        shown.copyTo(scene, mask);
        return scene;
    }

    private static Point[] grow(Point[] quad, double by, int w, int h) {
        double cx = Arrays.stream(quad).mapToDouble(p -> p.x).average().orElse(0);
        double cy = Arrays.stream(quad).mapToDouble(p -> p.y).average().orElse(0);
        return Arrays.stream(quad).map(p -> new Point(Math.max(0, Math.min(w - 1, cx + (p.x - cx) * (1 + by * 2))),
                Math.max(0, Math.min(h - 1, cy + (p.y - cy) * (1 + by * 2))))).toArray(Point[]::new);
    }

    /** A screen filmed: a fine interference pattern, a cool tint, lifted blacks and a glare spot. */
    static Mat screen(Mat photo, Random random) {
        Mat f = new Mat();
        photo.convertTo(f, CvType.CV_32FC3, 1 / 255.0);
        int w = photo.cols();
        int h = photo.rows();
        double angle = 0.2 + random.nextDouble() * 0.5;
        double period = 2.5 + random.nextDouble() * 2;
        Mat pattern = new Mat(h, w, CvType.CV_32FC3);
        float[] row = new float[w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0.88 + 0.12 * Math.sin(2 * Math.PI * (x * Math.cos(angle) + y * Math.sin(angle)) / period);
                row[3 * x] = (float) (v * 1.08);
                row[3 * x + 1] = (float) v;
                row[3 * x + 2] = (float) (v * 0.95);
            }
            pattern.put(y, 0, row);
        }
        Core.multiply(f, pattern, f);
        Core.add(f, new Scalar(0.06, 0.06, 0.06), f);
        Mat glare = new Mat(h, w, CvType.CV_32FC3, Scalar.all(0));
        Imgproc.circle(glare, new Point(w * (0.2 + random.nextDouble() * 0.6), h * (0.15 + random.nextDouble() * 0.3)),
                Math.max(4, w / 8), new Scalar(0.5, 0.5, 0.5), -1);
        Imgproc.GaussianBlur(glare, glare, new Size(0, 0), Math.max(2, w / 14.0));
        Core.add(f, glare, f);
        Mat out = new Mat();
        f.convertTo(out, CvType.CV_8UC3, 255);
        return out;
    }

    /** A small print photographed: a quarter of the resolution, paler colours, paper grain. */
    static Mat reprint(Mat photo) {
        Mat small = new Mat();
        Imgproc.resize(photo, small, new Size(photo.cols() / 4.0, photo.rows() / 4.0), 0, 0, Imgproc.INTER_AREA);
        Mat back = new Mat();
        Imgproc.resize(small, back, photo.size(), 0, 0, Imgproc.INTER_LINEAR);
        Mat hsv = new Mat();
        Imgproc.cvtColor(back, hsv, Imgproc.COLOR_BGR2HSV);
        List<Mat> ch = new ArrayList<>();
        Core.split(hsv, ch);
        Core.multiply(ch.get(1), new Scalar(0.6), ch.get(1));
        Core.merge(ch, hsv);
        Imgproc.cvtColor(hsv, back, Imgproc.COLOR_HSV2BGR);
        Mat grain = new Mat(back.size(), back.type());
        Core.randn(grain, 0, 6);
        Core.add(back, grain, back);
        return back;
    }

    static byte[] jpeg(Mat m, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", m, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        return out.toArray();
    }

    private static double q(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static int below(double[] sorted, double t) {
        return (int) Arrays.stream(sorted).filter(v -> v < t).count();
    }
}
