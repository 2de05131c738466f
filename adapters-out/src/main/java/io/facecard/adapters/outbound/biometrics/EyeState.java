package io.facecard.adapters.outbound.biometrics;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * How open each eye is (0–1) from the pack's eye model, on crops placed by the 68 landmarks. Each eye is read at
 * two crop sizes and the more open reading kept: the model was trained on crops of one framing, and the landmark
 * model's eye corners wander by a few pixels on small or greyscale faces.
 */
final class EyeState implements AutoCloseable {
    /** An eye's crop is this many times its corner-to-corner width, as the model's reference code takes it. */
    private static final double[] PADDINGS = {1.6, 2.2};

    record Eyes(double left, double right) {
        /**
         * The more open eye: a blink or closed eyes close both, while glasses' glare or a landmark a little off
         * made one eye of 61 of 813 frontal, open-eyed Congress portraits read as closed (EnrolmentChecksBenchmark).
         */
        double moreOpen() {
            return Math.max(left, right);
        }
    }

    private final Net net;
    private final int size;

    EyeState(Net net, int size) {
        this.net = net;
        this.size = size;
    }

    /** @param points the 68 landmarks in image coordinates */
    Eyes of(Mat bgr, double[][] points) {
        return new Eyes(open(bgr, points, 36), open(bgr, points, 42));
    }

    /** @param first the eye's first landmark (36 left, 42 right: six points each, corners at +0 and +3) */
    private double open(Mat bgr, double[][] p, int first) {
        double best = 0;
        for (double padding : PADDINGS) {
            best = Math.max(best, open(bgr, p, first, padding));
        }
        return best;
    }

    private double open(Mat bgr, double[][] p, int first, double padding) {
        double cx = (p[first + 1][0] + p[first + 2][0] + p[first + 4][0] + p[first + 5][0]) / 4;
        double cy = (p[first + 1][1] + p[first + 2][1] + p[first + 4][1] + p[first + 5][1]) / 4;
        int side = (int) Math.max(4, (p[first + 3][0] - p[first][0]) * padding);
        int x = (int) Math.max(0, cx - side / 2.0);
        int y = (int) Math.max(0, cy - side / 2.0);
        int w = Math.min(side, bgr.cols() - x);
        int h = Math.min(side, bgr.rows() - y);
        if (w < 2 || h < 2) {
            return 0;
        }
        Mat crop = new Mat(bgr, new Rect(x, y, w, h));
        Mat grey = new Mat();
        Imgproc.resize(crop, grey, new Size(size, size));
        Imgproc.cvtColor(grey, grey, Imgproc.COLOR_BGR2GRAY);
        crop.release();
        byte[] px = new byte[size * size];
        grey.get(0, 0, px);
        grey.release();
        float[] input = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            input[i] = (px[i] & 0xFF) / 255f;
        }
        float[] logits = net.run(input, new int[] {1, 1, size, size}).values().iterator().next();
        // Class 1 is an open eye: the reference code's "closeness" is res[0] > res[1]; on faces-eval's
        // open-eyed portraits class 0 scored below 0.001 for every eye.
        double m = Math.max(logits[0], logits[1]);
        double e0 = Math.exp(logits[0] - m);
        double e1 = Math.exp(logits[1] - m);
        return e1 / (e0 + e1);
    }

    @Override
    public void close() {
        net.close();
    }
}
