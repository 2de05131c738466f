package io.facecard.it;

import io.facecard.adapters.out.face.FacePipeline;
import io.facecard.adapters.out.face.ModelPack;
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
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Real photos for the HTTP tests: one-person crops cut from a group photo the build downloads
 * (@vladmandic/face-api demo/sample2.jpg). People in one group photo are different people.
 */
final class Photos {
    static final Path DIR = Path.of(System.getProperty("facecard.test-images", "../adapters-out/target/test-images"));
    static final List<byte[]> PEOPLE = new ArrayList<>();
    static byte[] group;

    private Photos() {}

    static synchronized List<byte[]> people() throws IOException {
        if (PEOPLE.isEmpty()) {
            try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
                for (String sample : new String[] {"sample2.jpg", "sample3.jpg"}) {
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
                        if (pipeline.faceBoxes(photo).size() == 1) {
                            PEOPLE.add(photo);
                        }
                    }
                    if (PEOPLE.size() >= 4) {
                        break;
                    }
                }
            }
        }
        return PEOPLE;
    }

    /** The same person, another photo: mirrored, brighter and recompressed. */
    static byte[] altered(byte[] photo) {
        Mat m = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
        Mat out = new Mat();
        m.convertTo(out, -1, 1.0, 15);
        Core.flip(out, out, 1);
        return jpeg(out, 70);
    }

    /** The same person, another photo: scaled up and recompressed. */
    static byte[] rescaled(byte[] photo) {
        Mat m = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
        Mat out = new Mat();
        org.opencv.imgproc.Imgproc.resize(m, out, new org.opencv.core.Size(m.cols() * 1.3, m.rows() * 1.3));
        return jpeg(out, 80);
    }

    static byte[] blank() {
        return jpeg(new Mat(480, 640, CvType.CV_8UC3, new Scalar(90, 120, 150)), 90);
    }

    static byte[] jpeg(Mat m, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", m, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        return out.toArray();
    }
}
