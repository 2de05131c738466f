package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis.Attributes;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Age, gender and expression of one detected face, from the pack's three attribute models, fed as the package's
 * reference code feeds them. Age and gender are stage-wise regressions (three stages of three bins, each bin shifted
 * and each stage's width scaled by the net itself), read with the same merge; expression is a softmax over
 * {@link io.facecard.domain.biometrics.Expression}'s seven classes.
 */
final class FaceAttributes implements AutoCloseable {
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};
    private static final int REGRESSION_SIZE = 64;
    private static final int EXPRESSION_SIZE = 224;
    private static final String[] STAGES = {"prob_stage_1", "prob_stage_2", "prob_stage_3", "stage1_delta_k", "stage2_delta_k",
        "stage3_delta_k", "index_offset_stage1", "index_offset_stage2", "index_offset_stage3"};

    private final Net age;
    private final Net gender;
    private final Net expression;

    FaceAttributes(Net age, Net gender, Net expression) {
        this.age = age;
        this.gender = gender;
        this.expression = expression;
    }

    Attributes of(Mat bgr, Rect face) {
        float[] regressionInput = imageNet(bgr, grown(bgr, face, 1.4), REGRESSION_SIZE);
        double years = stageWise(age.run(regressionInput, new int[] {1, 3, REGRESSION_SIZE, REGRESSION_SIZE}), 101);
        double male = stageWise(gender.run(regressionInput, new int[] {1, 3, REGRESSION_SIZE, REGRESSION_SIZE}), 1);
        float[] logits = expression.run(unit(bgr, expressionCrop(bgr, face), EXPRESSION_SIZE),
                new int[] {1, 3, EXPRESSION_SIZE, EXPRESSION_SIZE}).values().iterator().next();
        return new Attributes(years, Math.max(0, Math.min(1, male)), softmax(logits));
    }

    /** The box grown by {@code factor} about its centre, as far as the image allows, shifted to stay inside it. */
    static Rect grown(Mat image, Rect box, double factor) {
        double scale = Math.min(factor, Math.min((image.rows() - 1.0) / box.height, (image.cols() - 1.0) / box.width));
        double w = box.width * scale;
        double h = box.height * scale;
        double x = box.x + box.width / 2.0 - w / 2;
        double y = box.y + box.height / 2.0 - h / 2;
        x = Math.max(0, Math.min(image.cols() - 1 - w, x));
        y = Math.max(0, Math.min(image.rows() - 1 - h, y));
        return new Rect((int) x, (int) y, Math.max(1, (int) w), Math.max(1, (int) h));
    }

    /** The reference takes the box from its top-left corner 1.2 times as wide and high (clipped to the image). */
    static Rect expressionCrop(Mat image, Rect box) {
        int w = (int) Math.min(box.width * 1.2, image.cols() - box.x);
        int h = (int) Math.min(box.height * 1.2, image.rows() - box.y);
        return new Rect(box.x, box.y, Math.max(1, w), Math.max(1, h));
    }

    private static float[] imageNet(Mat bgr, Rect area, int size) {
        return planarRgb(bgr, area, size, (v, c) -> (float) ((v / 255.0 - MEAN[c]) / STD[c]));
    }

    private static float[] unit(Mat bgr, Rect area, int size) {
        return planarRgb(bgr, area, size, (v, c) -> (float) (v / 255.0));
    }

    private interface PixelScale {
        float apply(int value, int channel);
    }

    private static float[] planarRgb(Mat bgr, Rect area, int size, PixelScale scale) {
        Mat crop = new Mat(bgr, area);
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
                input[c * plane + i] = scale.apply(px[3 * i + c] & 0xFF, c);
            }
        }
        return input;
    }

    /** The package's merge of the three stages: expected bin index, shifted and rescaled per stage, times {@code range}. */
    static double stageWise(Map<String, float[]> out, double range) {
        float[] x = new float[21];
        int k = 0;
        for (String name : STAGES) {
            for (float v : out.get(name)) {
                x[k++] = v;
            }
        }
        double a = 0;
        double b = 0;
        double c = 0;
        for (int i = 0; i < 3; i++) {
            a += (i + x[12 + i]) * x[i];
            b += (i + x[15 + i]) * x[3 + i];
            c += (i + x[18 + i]) * x[6 + i];
        }
        double s1 = 3 * (1 + x[9]);
        double s2 = 3 * (1 + x[10]);
        double s3 = 3 * (1 + x[11]);
        return (a / s1 + b / s1 / s2 + c / s1 / s2 / s3) * range;
    }

    static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= (float) sum;
        }
        return p;
    }

    @Override
    public void close() {
        age.close();
        gender.close();
        expression.close();
    }
}
