package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Single-face photos cut out of the group photos the build downloads (@vladmandic/face-api demo
 * images): each crop is one person, with a margin around the face as an enrolment photo has.
 */
final class SampleFaces {
    static final Path DIR = Path.of(System.getProperty("facecard.test-images", "target/test-images"));

    private SampleFaces() {}

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mat image(String name) {
        return Imgcodecs.imdecode(new MatOfByte(bytes(name)), Imgcodecs.IMREAD_COLOR);
    }

    /** The model's template of any face it finds, without enrolment's pose, eye and blur checks: for tests of the model itself. */
    static final FaceAnalysis.ScanRules ANY_FACE =
            new FaceAnalysis.ScanRules(20, 0, true, false);

    /** One person's photo and the group photo it was cut from (people in one photo are different people). */
    record Person(int photo, byte[] jpeg) {}

    /** Every face of every sample big enough to enrol and alone in its crop, as a JPEG with 40% margin on each side. */
    static List<Person> people(FacePipeline pipeline) {
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Mat img = image("sample" + i + ".jpg");
            for (FacePipeline.Face f : pipeline.detect(img)) {
                if (f.box().width < 60) {
                    continue;
                }
                Rect r = f.box();
                int m = (int) (r.width * 0.4);
                Rect crop = new Rect(Math.max(0, r.x - m), Math.max(0, r.y - m), 0, 0);
                crop.width = Math.min(img.cols(), r.x + r.width + m) - crop.x;
                crop.height = Math.min(img.rows(), r.y + r.height + m) - crop.y;
                byte[] photo = jpeg(new Mat(img, crop), 95);
                // a neighbour's face in the margin makes it a group photo, not one person's
                var scan = pipeline.scan(photo, ANY_FACE);
                if (scan.facesFound() == 1 && scan.outcome() == FaceAnalysis.Outcome.FACE) {
                    people.add(new Person(i, photo));
                }
            }
        }
        return people;
    }

    static byte[] jpeg(Mat m, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", m, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        return out.toArray();
    }

    static byte[] png(Mat m) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".png", m, out);
        return out.toArray();
    }
}
