package io.facecard.adapters.outbound.biometrics;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The pack's passive liveness model on one photo: the face with its surroundings (the box scaled
 * 2.7×, shifted to stay inside the image), 128×128 with raw 0–255 pixels, as its reference code
 * feeds it but in BGR order (see below); the answer is the softmax probability of class 0 (a live face). One still photo is all
 * it sees: no depth, no motion, no challenge.
 */
final class Liveness implements AutoCloseable {
    private final Net net;
    private final int size;
    private final double scale;

    Liveness(Net net, int size, double scale) {
        this.net = net;
        this.size = size;
        this.scale = scale;
    }

    double of(Mat bgr, Rect face) {
        double s = Math.min(scale, Math.min((bgr.rows() - 1.0) / face.height, (bgr.cols() - 1.0) / face.width));
        double w = face.width * s;
        double h = face.height * s;
        double cx = face.x + face.width / 2.0;
        double cy = face.y + face.height / 2.0;
        int x = (int) Math.max(0, Math.min(bgr.cols() - w, cx - w / 2));
        int y = (int) Math.max(0, Math.min(bgr.rows() - h, cy - h / 2));
        Mat crop = new Mat(bgr, new Rect(x, y, (int) Math.min(w, bgr.cols() - x), (int) Math.min(h, bgr.rows() - y)));
        Mat bgrFace = new Mat();
        Imgproc.resize(crop, bgrFace, new Size(size, size));
        // Channels in OpenCV's BGR order, although the reference JS feeds RGB: measured on faces-eval
        // (LivenessBenchmark), RGB refused 74 % of the real photos at 0.5 and BGR 6.5 %.
        crop.release();
        byte[] px = new byte[size * size * 3];
        bgrFace.get(0, 0, px);
        bgrFace.release();
        int plane = size * size;
        float[] input = new float[px.length];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                input[c * plane + i] = px[3 * i + c] & 0xFF;
            }
        }
        float[] logits = net.run(input, new int[] {1, 3, size, size}).values().iterator().next();
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return Math.exp(logits[0] - max) / sum;
    }

    @Override
    public void close() {
        net.close();
    }
}
