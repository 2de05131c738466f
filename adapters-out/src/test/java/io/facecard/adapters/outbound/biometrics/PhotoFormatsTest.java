package io.facecard.adapters.outbound.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.biometrics.port.FaceAnalysis.Checks;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import io.facecard.application.biometrics.port.FaceAnalysis.UnreadableImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Photos as phones and tills send them: WebP, sideways JPEGs with an EXIF orientation, crowds, blur. */
class PhotoFormatsTest {
    static FacePipeline pipeline;
    static List<SampleFaces.Person> people;
    static final ScanRules TILL = ScanRules.probe(40);

    @BeforeAll
    static void load() {
        pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME);
        people = SampleFaces.people(pipeline);
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    static Mat decoded(byte[] jpeg) {
        return Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
    }

    static float[] template(byte[] photo) {
        FaceScan s = pipeline.scan(photo, SampleFaces.ANY_FACE);
        assertThat(s.outcome()).isEqualTo(Outcome.FACE);
        return s.embedding();
    }

    @Test
    void aWebPPhotoGivesTheSameTemplateAsItsJpeg() {
        Mat face = decoded(people.get(0).jpeg());
        MatOfByte webp = new MatOfByte();
        Imgcodecs.imencode(".webp", face, webp);
        byte[] bytes = webp.toArray();
        ImageHeader header = ImageHeader.read(bytes);
        assertThat(header.format()).isEqualTo("webp");
        assertThat(header.width()).isEqualTo(face.cols());
        assertThat(header.height()).isEqualTo(face.rows());
        assertThat(FacePipelineTest.cosine(template(people.get(0).jpeg()), template(bytes))).isGreaterThan(0.95);
        assertThatThrownBy(() -> pipeline.scan(Arrays.copyOf(bytes, bytes.length / 2), TILL))
                .isInstanceOf(UnreadableImage.class).extracting(e -> ((UnreadableImage) e).reason()).isEqualTo("CORRUPT_IMAGE");
    }

    /** Pixels stored turned a quarter to the left, with EXIF orientation 6 ("turn 90° clockwise to view"), as phones save them. */
    @Test
    void aSidewaysJpegIsTurnedUprightByItsExifOrientation() {
        byte[] upright = people.get(2).jpeg();
        Mat turned = new Mat();
        Core.rotate(decoded(upright), turned, Core.ROTATE_90_COUNTERCLOCKWISE);
        byte[] stored = SampleFaces.jpeg(turned, 95);
        float[] expected = template(upright);
        assertThat(FacePipelineTest.cosine(expected, template(withOrientation(stored, 6)))).isGreaterThan(0.95);
        FaceScan unturned = pipeline.scan(stored, SampleFaces.ANY_FACE);
        double sideways = unturned.outcome() == Outcome.FACE ? FacePipelineTest.cosine(expected, unturned.embedding()) : -1;
        Mat decodedTagged = Imgcodecs.imdecode(new MatOfByte(withOrientation(stored, 6)), Imgcodecs.IMREAD_COLOR);
        assertThat(decodedTagged.cols()).as("decoded upright: as wide as the original").isEqualTo(decoded(upright).cols());
        assertThat(sideways).as("without the tag the face lies sideways").isLessThan(0.99);
    }

    @Test
    void theTillTakesTheCustomerInFrontOfSomeoneBehindWhereEnrolmentRefuses() {
        Mat customer = decoded(people.get(0).jpeg());
        Mat behind = decoded(people.get(5).jpeg());
        Mat small = new Mat();
        Imgproc.resize(behind, small, new Size(customer.cols() * 0.9, behind.rows() * 0.9 * customer.cols() / behind.cols()));
        Mat scene = new Mat(new Size(customer.cols() * 2.4, customer.rows() + small.rows()), customer.type(), new Scalar(90, 100, 110));
        customer.copyTo(new Mat(scene, new Rect((scene.cols() - customer.cols()) / 2, small.rows(), customer.cols(), customer.rows())));
        small.copyTo(new Mat(scene, new Rect(0, 0, small.cols(), small.rows())));
        byte[] photo = SampleFaces.jpeg(scene, 95);
        FaceScan till = pipeline.scan(photo, TILL);
        assertThat(till.facesFound()).isGreaterThanOrEqualTo(2);
        assertThat(till.outcome()).isEqualTo(Outcome.FACE);
        assertThat(FacePipelineTest.cosine(till.embedding(), template(people.get(0).jpeg()))).isGreaterThan(0.8);
        assertThat(pipeline.scan(photo, ScanRules.enrolment(40)).outcome()).isEqualTo(Outcome.MULTIPLE_FACES);
    }

    @Test
    void enrolmentRefusesABlurredPhotoAsBlurWhereTheTillStillScansIt() {
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(decoded(people.get(1).jpeg()), blurred, new Size(0, 0), 6);
        byte[] photo = SampleFaces.jpeg(blurred, 95);
        FaceScan enrolment = pipeline.scan(photo, ScanRules.enrolment(40));
        assertThat(enrolment.outcome()).as("sharpness %.1f", enrolment.checks().sharpness()).isEqualTo(Outcome.BLUR);
        assertThat(pipeline.scan(photo, TILL).outcome()).isIn(Outcome.FACE, Outcome.LOW_QUALITY);
    }

    @Test
    void enrolmentNamesTheFirstCheckThatFailed() {
        assertThat(FacePipeline.enrolmentVerdict(new Checks(40, 0.9, 500, 0.9))).isEqualTo(Outcome.POSE);
        assertThat(FacePipeline.enrolmentVerdict(new Checks(10, 0.2, 500, 0.9))).isEqualTo(Outcome.EYES_CLOSED);
        assertThat(FacePipeline.enrolmentVerdict(new Checks(40, 0.1, 20, 0.9))).as("blur first").isEqualTo(Outcome.BLUR);
        assertThat(FacePipeline.enrolmentVerdict(new Checks(10, 0.9, 500, 0.9))).isEqualTo(Outcome.FACE);
        assertThat(FacePipeline.enrolmentVerdict(Checks.NONE)).as("a pack without pose and eye models").isEqualTo(Outcome.FACE);
    }

    @Test
    void theSampleFacesLookAtTheCameraWithOpenEyes() {
        int frontal = 0;
        for (SampleFaces.Person p : people) {
            Checks c = pipeline.scan(p.jpeg(), new ScanRules(20, 0, true, true)).checks();
            assertThat(c.eyesOpen()).isBetween(0.0, 1.0);
            if (c.turn() < FacePipeline.MAX_ENROLMENT_TURN && c.eyesOpen() >= FacePipeline.MIN_EYES_OPEN) {
                frontal++;
            }
        }
        assertThat(frontal).as("of %d sample faces (group photos: some laugh with eyes shut or turn away)", people.size())
                .isGreaterThanOrEqualTo(people.size() / 2);
    }

    @Test
    void livenessIsScoredOnlyWhenAskedFor() {
        byte[] photo = people.get(0).jpeg();
        assertThat(pipeline.scan(photo, TILL).checks().liveness()).isNaN();
        double live = pipeline.scan(photo, TILL.withLiveness()).checks().liveness();
        assertThat(live).isBetween(0.0, 1.0);
        assertThat(pipeline.scan(photo, TILL.withLiveness()).checks().liveness()).as("the same photo, the same score").isEqualTo(live);
    }

    /** Inserts an EXIF APP1 segment holding only an orientation tag right after the JPEG's start marker. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
