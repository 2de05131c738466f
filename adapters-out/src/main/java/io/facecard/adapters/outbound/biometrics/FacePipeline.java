package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis.Checks;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import io.facecard.application.biometrics.port.FaceAnalysis.UnreadableImage;
import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.domain.biometrics.ImpostorTail;
import io.facecard.domain.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * decode (bounded) → detect → choose the face → 68 landmarks → five-point similarity alignment to
 * 112×112 → embed → L2-normalise, with head pose, eye state and sharpness measured on the way. The engine (ONNX Runtime or OpenCV DNN) is chosen by the caller so both
 * can be measured on the same models.
 */
public final class FacePipeline implements FaceAnalysis, AutoCloseable {
    /** The five-point template of the 112×112 crop the embedder was trained on. */
    private static final double[][] REFERENCE = {
        {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};
    /** Larger images are decoded at reduced size: decoding dominates otherwise (17 of 31 ms at 1350 px). */
    private static final int DECODE_TARGET = 1280;

    /**
     * Enrolment refuses a head turned (yaw or pitch) further than this, in degrees: the pose model reads 25–32° on
     * 4 of 813 frontal Congress portraits (EnrolmentChecksBenchmark); a half profile is 45°, a profile 90°.
     */
    static final double MAX_ENROLMENT_TURN = 35;
    /** Enrolment refuses a photo whose more open eye is below this (the eye model's probability of open). */
    static final double MIN_EYES_OPEN = 0.5;
    /** Enrolment refuses an aligned face whose Laplacian variance is below this. */
    static final double MIN_ENROLMENT_SHARPNESS = 40;

    public enum Engine { ONNX_RUNTIME, OPENCV_DNN }

    private final Net detector;
    private final Net landmarks;
    private final Net embedder;
    /** The second embedder (null when the pack has none): its own pixel normalisation on the same aligned crop. */
    private final Net embedder2;
    private final double mean2;
    private final double scale2;
    /** Null when the pack has no pose or eye model: those checks are then skipped. */
    private final HeadPose pose;
    private final EyeState eyes;
    private final Liveness liveness;
    /** Null unless the pack has all three attribute models: cameras then see faces but no demographics or mood. */
    private final FaceAttributes attributes;
    private final int detW;
    private final int detH;
    private final double confidence;
    private final double nms;
    private final int landmarkSize;
    private final int alignSize;
    private final double mean;
    private final double scale;
    private final ImpostorTail tail;

    public FacePipeline(ModelPack pack, Engine engine) {
        OpenCvLoader.load();
        Function<byte[], Net> open = engine == Engine.ONNX_RUNTIME ? OrtNet::new : OpenCvDnnNet::new;
        detector = open.apply(pack.detector());
        landmarks = open.apply(pack.landmarks());
        embedder = open.apply(pack.embedder());
        embedder2 = pack.optional("embedder2").map(open).orElse(null);
        mean2 = embedder2 == null ? 0 : pack.doubleValue("embedder2.pixel.mean");
        scale2 = embedder2 == null ? 1 : pack.doubleValue("embedder2.pixel.scale");
        pose = pack.optional("pose").map(m -> new HeadPose(open.apply(m), pack.intValue("pose.size"))).orElse(null);
        eyes = pack.optional("eyes").map(m -> new EyeState(open.apply(m), pack.intValue("eyes.size"))).orElse(null);
        liveness = pack.optional("liveness").map(m -> new Liveness(open.apply(m), pack.intValue("liveness.size"),
                pack.doubleValue("liveness.scale"))).orElse(null);
        attributes = pack.optional("age").isPresent() && pack.optional("gender").isPresent() && pack.optional("expression").isPresent()
                ? new FaceAttributes(open.apply(pack.optional("age").get()), open.apply(pack.optional("gender").get()),
                        open.apply(pack.optional("expression").get()))
                : null;
        detW = pack.intValue("detector.width");
        detH = pack.intValue("detector.height");
        confidence = pack.doubleValue("detector.confidence");
        nms = pack.doubleValue("detector.nms");
        landmarkSize = pack.intValue("landmarks.size");
        alignSize = pack.intValue("embedder.size");
        mean = pack.doubleValue("pixel.mean");
        scale = pack.doubleValue("pixel.scale");
        tail = pack.impostorTail();
    }

    @Override
    public ImpostorTail impostorTail() {
        return tail;
    }

    record Face(Rect box, double score) {}

    /** The faces in a photo as {x, y, width, height}, largest first (for cameras and tooling; no template is made). */
    public List<int[]> faceBoxes(byte[] image) {
        Mat bgr = decode(image).image();
        try {
            return detect(bgr).stream().map(f -> new int[] {f.box().x, f.box().y, f.box().width, f.box().height}).toList();
        } finally {
            bgr.release();
        }
    }

    /** The last camera image observed, kept for its attributes (the same thread asks right after): decoded, faces found. */
    private byte[] lastImage;
    private int lastMinFace;
    private Mat lastBgr;
    private List<Face> lastFaces;
    private double lastFactor;

    @Override
    public List<Observation> observe(TenantId tenant, byte[] image, int minFacePixels) {
        List<Face> faces = camera(image, minFacePixels);
        List<Observation> seen = new ArrayList<>();
        for (Face face : faces) {
            double[][] points = landmarks68(lastBgr, face.box());
            Mat aligned = align(lastBgr, points);
            Embedding embedding = embed(embedder, aligned, true, mean, scale);
            Checks checks = new Checks(Double.NaN, Double.NaN, sharpness(aligned), embedding.mirrorAgreement());
            aligned.release();
            seen.add(new Observation(embedding.vector(), quality(face.score(), checks),
                    (int) Math.round(face.box().width * lastFactor), null));
        }
        return seen;
    }

    @Override
    public Attributes attributes(TenantId tenant, byte[] image, int minFacePixels, int face) {
        if (attributes == null) {
            return null;
        }
        List<Face> faces = camera(image, minFacePixels);
        return face < faces.size() ? attributes.of(lastBgr, faces.get(face).box()) : null;
    }

    /** The faces at least {@code minFacePixels} wide in a camera image, largest first; decoded once for both calls. */
    private List<Face> camera(byte[] image, int minFacePixels) {
        if (image == lastImage && minFacePixels == lastMinFace) {
            return lastFaces;
        }
        if (lastBgr != null) {
            lastBgr.release();
        }
        lastImage = null;
        Decoded decoded = decode(image);
        Mat bgr = decoded.image();
        List<Face> faces = detect(bgr);
        if (faces.isEmpty()) {
            // An edge's crop is mostly face: the detector needs a border around it.
            Mat padded = new Mat();
            int pad = Math.max(bgr.cols(), bgr.rows()) / 4;
            Core.copyMakeBorder(bgr, padded, pad, pad, pad, pad, Core.BORDER_CONSTANT, new Scalar(127, 127, 127));
            bgr.release();
            bgr = padded;
            faces = detect(bgr);
        }
        lastFactor = decoded.factor();
        lastFaces = faces.stream().filter(f -> Math.round(f.box().width * decoded.factor()) >= minFacePixels).toList();
        lastBgr = bgr;
        lastImage = image;
        lastMinFace = minFacePixels;
        return lastFaces;
    }

    @Override
    public FaceScan scan(byte[] image, ScanRules rules) {
        Decoded decoded = decode(image);
        Mat bgr = decoded.image();
        try {
            List<Face> faces = detect(bgr);
            if (faces.isEmpty()) {
                // A face that fills the photo is missed by the detector: retry once with a border.
                Mat padded = new Mat();
                int pad = Math.max(bgr.cols(), bgr.rows()) / 4;
                Core.copyMakeBorder(bgr, padded, pad, pad, pad, pad, Core.BORDER_CONSTANT, new Scalar(127, 127, 127));
                bgr.release();
                bgr = padded;
                faces = detect(bgr);
            }
            if (faces.isEmpty()) {
                return new FaceScan(Outcome.NO_FACE, null, 0, 0, 0);
            }
            Optional<Face> chosen = rules.strict() ? onlyFace(faces) : customerFace(faces, bgr.cols(), bgr.rows());
            if (chosen.isEmpty()) {
                return new FaceScan(Outcome.MULTIPLE_FACES, null, faces.get(0).score(),
                        (int) Math.round(faces.get(0).box().width * decoded.factor()), faces.size());
            }
            Face main = chosen.get();
            int widthInOriginal = (int) Math.round(main.box().width * decoded.factor());
            if (widthInOriginal < rules.minFacePixels()) {
                return new FaceScan(Outcome.FACE_TOO_SMALL, null, main.score(), widthInOriginal, faces.size());
            }
            double[][] points = landmarks68(bgr, main.box());
            Mat aligned = align(bgr, points);
            Embedding embedding = embed(embedder, aligned, rules.bothOrientations(), mean, scale);
            float[] second = embedder2 == null ? null : embed(embedder2, aligned, rules.bothOrientations(), mean2, scale2).vector();
            Checks checks = new Checks(
                    // Pose costs as much as the embedding (4.6–5.2 ms, StageBenchmark): enrolment only, so a till's scan costs what it did.
                    pose == null || !rules.strict() ? Double.NaN : pose.of(bgr, main.box()).turn(),
                    eyes == null || !rules.strict() ? Double.NaN : eyes.of(bgr, points).moreOpen(),
                    sharpness(aligned), embedding.mirrorAgreement(),
                    liveness == null || !rules.liveness() ? Double.NaN : liveness.of(bgr, main.box()));
            aligned.release();
            double quality = quality(main.score(), checks);
            Outcome outcome = rules.strict() ? enrolmentVerdict(checks) : Outcome.FACE;
            if (outcome == Outcome.FACE && quality < rules.minQuality()) {
                outcome = Outcome.LOW_QUALITY;
            }
            return new FaceScan(outcome, outcome == Outcome.FACE ? embedding.vector() : null, quality, widthInOriginal,
                    faces.size(), checks, outcome == Outcome.FACE ? second : null);
        } finally {
            bgr.release();
        }
    }

    /** Enrolment's rule: one face, and no other at least 60 % as wide (a group photo is not an enrolment photo). */
    private static Optional<Face> onlyFace(List<Face> faces) {
        Face main = faces.get(0);
        long rivals = faces.stream().filter(f -> f.box().width >= main.box().width * 0.6).count();
        return rivals > 1 ? Optional.empty() : Optional.of(main);
    }

    private static Optional<Face> customerFace(List<Face> faces, int width, int height) {
        List<Rect> boxes = faces.stream().map(Face::box).toList();
        return CustomerFace.choose(boxes, width, height).map(box -> faces.get(boxes.indexOf(box)));
    }

    /** Enrolment names what to fix: a blurred photo first (pose and eyes cannot be judged on it), a turned head, closed eyes. */
    static Outcome enrolmentVerdict(Checks c) {
        if (c.sharpness() < MIN_ENROLMENT_SHARPNESS) {
            return Outcome.BLUR;
        }
        if (c.turn() > MAX_ENROLMENT_TURN) {
            return Outcome.POSE;
        }
        if (c.eyesOpen() < MIN_EYES_OPEN) {
            return Outcome.EYES_CLOSED;
        }
        return Outcome.FACE;
    }

    record Decoded(Mat image, double factor) {}

    Decoded decode(byte[] bytes) {
        ImageHeader header = ImageHeader.read(bytes);
        int longest = Math.max(header.width(), header.height());
        int flag = Imgcodecs.IMREAD_COLOR;
        double factor = 1;
        if (header.format().equals("jpeg") && longest >= DECODE_TARGET * 8) {
            flag = Imgcodecs.IMREAD_REDUCED_COLOR_8;
            factor = 8;
        } else if (header.format().equals("jpeg") && longest >= DECODE_TARGET * 4) {
            flag = Imgcodecs.IMREAD_REDUCED_COLOR_4;
            factor = 4;
        } else if (header.format().equals("jpeg") && longest >= DECODE_TARGET * 2) {
            flag = Imgcodecs.IMREAD_REDUCED_COLOR_2;
            factor = 2;
        }
        MatOfByte buffer = new MatOfByte(bytes);
        Mat image = Imgcodecs.imdecode(buffer, flag);
        buffer.release();
        if (image.empty()) {
            throw new UnreadableImage("CORRUPT_IMAGE", "the image cannot be decoded (corrupt or truncated)");
        }
        return new Decoded(image, factor);
    }

    List<Face> detect(Mat bgr) {
        Mat small = new Mat();
        Imgproc.resize(bgr, small, new Size(detW, detH));
        Imgproc.cvtColor(small, small, Imgproc.COLOR_BGR2RGB);
        Map<String, float[]> out = detector.run(planar(small), new int[] {1, 3, detH, detW});
        small.release();
        float[] scores = out.get("scores");
        float[] boxes = out.get("boxes");
        int w = bgr.cols();
        int h = bgr.rows();
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            double s = scores[2 * i + 1];
            if (s > confidence) {
                candidates.add(new double[] {boxes[4 * i] * w, boxes[4 * i + 1] * h, boxes[4 * i + 2] * w, boxes[4 * i + 3] * h, s});
            }
        }
        candidates.sort(Comparator.comparingDouble((double[] c) -> -c[4]));
        List<double[]> kept = new ArrayList<>();
        for (double[] c : candidates) {
            if (kept.stream().noneMatch(k -> iou(k, c) > nms)) {
                kept.add(c);
            }
        }
        List<Face> faces = new ArrayList<>();
        for (double[] k : kept) {
            // A square box of the detected height, centred, inside the image (as the model's own code does).
            double size = k[3] - k[1];
            double cx = (k[0] + k[2]) / 2;
            double cy = (k[1] + k[3]) / 2;
            int x1 = (int) Math.max(0, cx - size / 2);
            int y1 = (int) Math.max(0, cy - size / 2);
            int x2 = (int) Math.min(w - 1, cx + size / 2);
            int y2 = (int) Math.min(h - 1, cy + size / 2);
            if (x2 - x1 >= 8 && y2 - y1 >= 8) {
                faces.add(new Face(new Rect(x1, y1, x2 - x1, y2 - y1), k[4]));
            }
        }
        faces.sort(Comparator.comparingInt((Face f) -> -f.box().width));
        return faces;
    }

    double[][] landmarks68(Mat bgr, Rect box) {
        Mat crop = new Mat(bgr, box);
        Mat grey = new Mat();
        Imgproc.resize(crop, grey, new Size(landmarkSize, landmarkSize));
        Imgproc.cvtColor(grey, grey, Imgproc.COLOR_BGR2GRAY);
        byte[] px = new byte[landmarkSize * landmarkSize];
        grey.get(0, 0, px);
        grey.release();
        crop.release();
        float[] input = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            input[i] = (px[i] & 0xFF) / 256f;
        }
        float[] v = landmarks.run(input, new int[] {1, 1, landmarkSize, landmarkSize}).values().iterator().next();
        double[][] points = new double[v.length / 2][2];
        for (int i = 0; i < points.length; i++) {
            points[i][0] = v[2 * i] * box.width + box.x;
            points[i][1] = v[2 * i + 1] * box.height + box.y;
        }
        return points;
    }

    /** Eye centres, nose tip and mouth corners out of the 68 points, as the model pack's reference code takes them. */
    static double[][] fivePoints(double[][] p) {
        return new double[][] {
            avg(p, 37, 38, 40, 41), avg(p, 43, 44, 46, 47), p[30], avg(p, 48, 60), avg(p, 54, 64)};
    }

    Mat align(Mat bgr, double[][] points68) {
        double[][] five = fivePoints(points68);
        MatOfPoint2f from = new MatOfPoint2f(toPoints(five));
        MatOfPoint2f to = new MatOfPoint2f(toPoints(REFERENCE));
        Mat transform = Calib3d.estimateAffinePartial2D(from, to, new Mat(), Calib3d.LMEDS);
        Mat aligned = new Mat();
        Imgproc.warpAffine(bgr, aligned, transform, new Size(alignSize, alignSize), Imgproc.INTER_LINEAR,
                Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
        transform.release();
        from.release();
        to.release();
        return aligned;
    }

    /** @param mirrorAgreement cosine between the face's and its mirror image's embeddings */
    record Embedding(float[] vector, double mirrorAgreement) {}

    /**
     * The embedding of the aligned face plus that of its mirror image ("flip test"): the sum is
     * robust to which way a head is turned, and how well the two agree says how much the model
     * can be trusted on this photo (occlusion, closed eyes or a bowed head make them disagree).
     */
    Embedding embed(Mat alignedBgr, boolean bothOrientations) {
        return embed(embedder, alignedBgr, bothOrientations, mean, scale);
    }

    Embedding embed(Net net, Mat alignedBgr, boolean bothOrientations, double pixelMean, double pixelScale) {
        Mat rgb = new Mat();
        Imgproc.cvtColor(alignedBgr, rgb, Imgproc.COLOR_BGR2RGB);
        int[] shape = {1, 3, alignSize, alignSize};
        float[] v = net.run(planar(rgb, pixelMean, pixelScale), shape).values().iterator().next();
        float[] w = v.clone();
        if (bothOrientations) {
            Mat mirrored = new Mat();
            Core.flip(rgb, mirrored, 1);
            w = net.run(planar(mirrored, pixelMean, pixelScale), shape).values().iterator().next();
            mirrored.release();
        }
        rgb.release();
        double dot = 0;
        double nv = 0;
        double nw = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * w[i];
            nv += v[i] * v[i];
            nw += w[i] * w[i];
        }
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] += w[i];
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return new Embedding(v, dot / Math.sqrt(nv * nw));
    }

    /** Variance of the Laplacian of the aligned face: low when blurred or out of focus. */
    static double sharpness(Mat aligned) {
        Mat grey = new Mat();
        Imgproc.cvtColor(aligned, grey, Imgproc.COLOR_BGR2GRAY);
        Mat lap = new Mat();
        Imgproc.Laplacian(grey, lap, CvType.CV_64F);
        MatOfDouble mu = new MatOfDouble();
        MatOfDouble sigma = new MatOfDouble();
        Core.meanStdDev(lap, mu, sigma);
        grey.release();
        lap.release();
        return Math.pow(sigma.get(0, 0)[0], 2);
    }

    /**
     * From 0 to 1: detector confidence, damped by blur, by disagreement between the face and its
     * mirror image (occlusion, a bowed head) and by a head turned beyond 30° (none left at 60°).
     */
    static double quality(double score, Checks c) {
        double agreement = Math.max(0, Math.min(1, (c.mirrorAgreement() - 0.3) / 0.4));
        double frontal = Double.isNaN(c.turn()) ? 1 : Math.max(0, Math.min(1, (60 - c.turn()) / 30));
        return Math.min(1.0, score) * Math.min(1.0, c.sharpness() / 100.0) * agreement * frontal;
    }

    private float[] planar(Mat rgb) {
        return planar(rgb, mean, scale);
    }

    private static float[] planar(Mat rgb, double mean, double scale) {
        int h = rgb.rows();
        int w = rgb.cols();
        byte[] px = new byte[w * h * 3];
        rgb.get(0, 0, px);
        float[] out = new float[px.length];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            out[i] = (float) (((px[3 * i] & 0xFF) - mean) / scale);
            out[plane + i] = (float) (((px[3 * i + 1] & 0xFF) - mean) / scale);
            out[2 * plane + i] = (float) (((px[3 * i + 2] & 0xFF) - mean) / scale);
        }
        return out;
    }

    private static double iou(double[] a, double[] b) {
        double ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        double iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double inter = ix * iy;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static double[] avg(double[][] p, int... idx) {
        double x = 0;
        double y = 0;
        for (int i : idx) {
            x += p[i][0];
            y += p[i][1];
        }
        return new double[] {x / idx.length, y / idx.length};
    }

    private static Point[] toPoints(double[][] xy) {
        Point[] pts = new Point[xy.length];
        for (int i = 0; i < xy.length; i++) {
            pts[i] = new Point(xy[i][0], xy[i][1]);
        }
        return pts;
    }

    @Override
    public void close() {
        detector.close();
        landmarks.close();
        embedder.close();
        if (embedder2 != null) {
            embedder2.close();
        }
        if (pose != null) {
            pose.close();
        }
        if (eyes != null) {
            eyes.close();
        }
        if (liveness != null) {
            liveness.close();
        }
        if (attributes != null) {
            attributes.close();
        }
        if (lastBgr != null) {
            lastBgr.release();
        }
    }
}
