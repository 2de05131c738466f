package io.facecard.adapters.outbound.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.application.biometrics.port.FaceAnalysis.Checks;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Enrolment's checks on real photos: the eye and pose checks were loosened so frontal portraits pass (greyscale
 * ones too); they must still refuse closed eyes and blur. Closed eyes are made by painting both eyes over with
 * the skin below them and a lid line, as a blink looks to a 24×24 eye model.
 */
class EnrolmentChecksTest {
    static FacePipeline pipeline;
    static List<SampleFaces.Person> people;
    static final ScanRules ENROL = ScanRules.enrolment(60);

    @BeforeAll
    static void load() {
        pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME);
        people = SampleFaces.people(pipeline);
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void greyscaleCopiesOfPhotosEnrolmentTakesAreTakenToo() {
        int colour = 0;
        List<String> refused = new ArrayList<>();
        for (SampleFaces.Person p : people) {
            if (pipeline.scan(p.jpeg(), ENROL).outcome() != Outcome.FACE) {
                continue;
            }
            colour++;
            Mat grey = new Mat();
            Imgproc.cvtColor(decode(p.jpeg()), grey, Imgproc.COLOR_BGR2GRAY); // a one-channel JPEG, as official portraits are
            FaceScan scan = pipeline.scan(SampleFaces.jpeg(grey, 95), ENROL);
            if (scan.outcome() != Outcome.FACE) {
                refused.add(scan.outcome() + " " + scan.checks());
            }
        }
        assertThat(colour).isGreaterThanOrEqualTo(10);
        assertThat(refused).as("greyscale copies refused of %d", colour).hasSizeLessThanOrEqualTo(colour / 10);
    }

    @Test
    void closedEyesAreRefused() {
        int refused = 0;
        int tried = 0;
        for (SampleFaces.Person p : people) {
            if (pipeline.scan(p.jpeg(), ENROL).outcome() != Outcome.FACE) {
                continue;
            }
            tried++;
            FaceScan closed = pipeline.scan(SampleFaces.jpeg(eyesPaintedShut(decode(p.jpeg())), 95), ENROL);
            if (closed.outcome() == Outcome.EYES_CLOSED) {
                refused++;
            }
        }
        assertThat(tried).isGreaterThanOrEqualTo(10);
        assertThat(refused).as("of %d photos with both eyes painted shut", tried).isGreaterThanOrEqualTo(tried * 8 / 10);
    }

    @Test
    void blurredPhotosAreRefused() {
        Mat sharp = decode(people.get(0).jpeg());
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(sharp, blurred, new Size(0, 0), sharp.cols() / 40.0);
        assertThat(pipeline.scan(SampleFaces.jpeg(blurred, 95), ENROL).outcome()).isEqualTo(Outcome.BLUR);
    }

    @Test
    void aHalfProfileIsRefusedAndAPortraitsSlightTurnIsNot() {
        assertThat(FacePipeline.enrolmentVerdict(new Checks(45, 1, 500, 0.9))).isEqualTo(Outcome.POSE);
        assertThat(FacePipeline.enrolmentVerdict(new Checks(30, 1, 500, 0.9))).isEqualTo(Outcome.FACE);
        assertThat(FacePipeline.enrolmentVerdict(new Checks(10, 0.3, 500, 0.9))).isEqualTo(Outcome.EYES_CLOSED);
    }

    private static Mat decode(byte[] jpeg) {
        return Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
    }

    /** Each eye (landmarks 36–41, 42–47) filled with the colour of the cheek below it, and a dark lid line across. */
    private static Mat eyesPaintedShut(Mat bgr) {
        FacePipeline.Face face = pipeline.detect(bgr).get(0);
        double[][] p = pipeline.landmarks68(bgr, face.box());
        Mat out = bgr.clone();
        for (int first : new int[] {36, 42}) {
            double width = p[first + 3][0] - p[first][0];
            Point centre = new Point((p[first][0] + p[first + 3][0]) / 2, (p[first + 1][1] + p[first + 4][1]) / 2);
            Point cheek = new Point(centre.x, Math.min(bgr.rows() - 1, centre.y + width * 0.9));
            double[] skin = bgr.get((int) cheek.y, (int) cheek.x);
            Imgproc.ellipse(out, centre, new Size(width * 0.75, width * 0.45), 0, 0, 360, new Scalar(skin), -1);
            MatOfPoint lid = new MatOfPoint(new Point(centre.x - width * 0.6, centre.y), new Point(centre.x, centre.y + width * 0.12),
                    new Point(centre.x + width * 0.6, centre.y));
            Imgproc.polylines(out, List.of(lid), false, new Scalar(30, 30, 40), Math.max(1, (int) (width / 10)));
        }
        return out;
    }
}
