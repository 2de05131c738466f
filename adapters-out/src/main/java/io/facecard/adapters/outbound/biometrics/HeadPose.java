package io.facecard.adapters.outbound.biometrics;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Yaw, pitch and roll in degrees from the pack's pose model (three heads of 66 bins, 3° a bin from −99°). */
final class HeadPose implements AutoCloseable {
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};

    record Angles(double yaw, double pitch, double roll) {
        /** The largest turn away from the camera (yaw or pitch), in degrees. */
        double turn() {
            return Math.max(Math.abs(yaw), Math.abs(pitch));
        }
    }

    private final Net net;
    private final int size;

    HeadPose(Net net, int size) {
        this.net = net;
        this.size = size;
    }

    Angles of(Mat bgr, Rect face) {
        // The model looks at the face with a quarter of its size around it on each side.
        int x1 = Math.max(0, face.x - face.width / 4);
        int y1 = Math.max(0, face.y - face.height / 4);
        int x2 = Math.min(bgr.cols(), face.x + face.width + face.width / 4);
        int y2 = Math.min(bgr.rows(), face.y + face.height + face.height / 4);
        Mat crop = new Mat(bgr, new Rect(x1, y1, x2 - x1, y2 - y1));
        Mat rgb = new Mat();
        Imgproc.resize(crop, rgb, new Size(size, size));
        Imgproc.cvtColor(rgb, rgb, Imgproc.COLOR_BGR2RGB);
        crop.release();
        byte[] px = new byte[size * size * 3];
        rgb.get(0, 0, px);
        rgb.release();
        int plane = size * size;
        float[] input = new float[px.length];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                input[c * plane + i] = (float) (((px[3 * i + c] & 0xFF) / 255.0 - MEAN[c]) / STD[c]);
            }
        }
        var out = net.run(input, new int[] {1, 3, size, size});
        return new Angles(degrees(out.get("output")), degrees(out.get("617")), degrees(out.get("618")));
    }

    /** The expectation over the softmax of one head's bins. */
    private static double degrees(float[] bins) {
        double max = Double.NEGATIVE_INFINITY;
        for (float b : bins) {
            max = Math.max(max, b);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < bins.length; i++) {
            double e = Math.exp(bins[i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum * 3 - 99;
    }

    @Override
    public void close() {
        net.close();
    }
}
