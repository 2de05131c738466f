package io.facecard.it;

import io.facecard.adapters.outbound.biometrics.FacePipeline;
import io.facecard.adapters.outbound.biometrics.ModelPack;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Real photos for the HTTP tests: one-person crops cut from the group photos the build downloads
 * (@vladmandic/face-api demo/sample*.jpg), those enrolment accepts. People in one group photo are
 * different people; the samples share some faces, so the first ones come from one photo.
 */
public final class Photos {
    public static final Path DIR = Path.of(System.getProperty("facecard.test-images", "../adapters-out/target/test-images"));
    public static final List<byte[]> PEOPLE = new ArrayList<>();
    public static byte[] group;

    private Photos() {}

    public static synchronized List<byte[]> people() throws IOException {
        if (PEOPLE.isEmpty()) {
            try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
                for (String sample : new String[] {"sample2.jpg", "sample3.jpg", "sample1.jpg", "sample4.jpg", "sample5.jpg", "sample6.jpg"}) {
                    byte[] bytes = Files.readAllBytes(DIR.resolve(sample));
                    group = group == null ? bytes : group;
                    Mat img = Imgcodecs.imdecode(new MatOfByte(bytes), Imgcodecs.IMREAD_COLOR);
                    for (int[] b : pipeline.faceBoxes(bytes)) {
                        if (b[2] < 70) {
                            continue;
                        }
                        int m = b[2] * 2 / 5;
                        int x = Math.max(0, b[0] - m);
                        int y = Math.max(0, b[1] - m);
                        Rect crop = new Rect(x, y, Math.min(img.cols(), b[0] + b[2] + m) - x, Math.min(img.rows(), b[1] + b[3] + m) - y);
                        byte[] photo = jpeg(new Mat(img, crop), 95);
                        // Enrolment photos: one face, frontal, eyes open, sharp (as enrolment demands).
                        if (pipeline.faceBoxes(photo).size() == 1
                                && pipeline.scan(photo, ScanRules.enrolment(60)).outcome() == Outcome.FACE) {
                            PEOPLE.add(photo);
                        }
                    }
                    if (PEOPLE.size() >= 5) {
                        break;
                    }
                }
            }
        }
        return PEOPLE;
    }

    /** The same person, another photo: mirrored, brighter and recompressed. */
    public static byte[] altered(byte[] photo) {
        Mat m = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
        Mat out = new Mat();
        m.convertTo(out, -1, 1.0, 15);
        Core.flip(out, out, 1);
        return jpeg(out, 70);
    }

    /** The same person, another photo: scaled up and recompressed. */
    public static byte[] rescaled(byte[] photo) {
        Mat m = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
        Mat out = new Mat();
        Imgproc.resize(m, out, new Size(m.cols() * 1.3, m.rows() * 1.3));
        return jpeg(out, 80);
    }

    /**
     * The same person, harder to know: the lower part of the photo covered (a scarf) from {@code from} of its
     * height, or blurred with {@code sigma}; each makes a probe that scores lower against the enrolment photo.
     */
    public static List<byte[]> harder(byte[] photo) {
        Mat m = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
        List<byte[]> out = new ArrayList<>();
        for (double from = 0.54; from <= 0.76; from += 0.02) {
            Mat c = m.clone();
            Imgproc.rectangle(c, new Point(0, c.rows() * from),
                    new Point(c.cols(), c.rows()), new Scalar(90, 90, 90), -1);
            out.add(jpeg(c, 90));
        }
        for (double sigma = 1.5; sigma <= 4; sigma += 0.5) {
            Mat b = new Mat();
            Imgproc.GaussianBlur(m, b, new Size(0, 0), sigma);
            out.add(jpeg(b, 90));
        }
        return out;
    }

    /** Two people of equal size next to each other: the till cannot tell whose checkout it is. */
    public static byte[] sideBySide(byte[] left, byte[] right) {
        Mat l = Imgcodecs.imdecode(new MatOfByte(left), Imgcodecs.IMREAD_COLOR);
        Mat r = Imgcodecs.imdecode(new MatOfByte(right), Imgcodecs.IMREAD_COLOR);
        Mat rs = new Mat();
        Imgproc.resize(r, rs, l.size());
        Mat out = new Mat();
        Core.hconcat(List.of(l, rs), out);
        return jpeg(out, 92);
    }

    /** The customer in the middle of the frame and someone else's face, 70 % as wide, in the top corner behind them. */
    public static byte[] withSomeoneBehind(byte[] customer, byte[] other) {
        Mat c = Imgcodecs.imdecode(new MatOfByte(customer), Imgcodecs.IMREAD_COLOR);
        Mat o = Imgcodecs.imdecode(new MatOfByte(other), Imgcodecs.IMREAD_COLOR);
        Mat small = new Mat();
        Imgproc.resize(o, small, new Size(c.cols() * 0.7, o.rows() * 0.7 * c.cols() / o.cols()));
        Mat scene = new Mat(new Size(c.cols() * 2.4, c.rows() + small.rows()), c.type(), new Scalar(90, 100, 110));
        c.copyTo(new Mat(scene, new Rect((scene.cols() - c.cols()) / 2, small.rows(), c.cols(), c.rows())));
        small.copyTo(new Mat(scene, new Rect(0, 0, small.cols(), small.rows())));
        return jpeg(scene, 92);
    }

    public static byte[] blank() {
        return jpeg(new Mat(480, 640, CvType.CV_8UC3, new Scalar(90, 120, 150)), 90);
    }

    public static byte[] jpeg(Mat m, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", m, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        return out.toArray();
    }
}
