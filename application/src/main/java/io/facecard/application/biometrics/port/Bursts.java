package io.facecard.application.biometrics.port;

import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import java.util.List;

/**
 * What biometrics publishes for several photos of one person (a till's burst, the app's enrolment burst): how many a
 * call takes, whether they show one person, and the one probe they make together.
 */
public interface Bursts {
    /** The most frames one call takes: a burst of about a second at a till camera. */
    int MAX = 5;

    /** Refuses a count outside 1 to {@link #MAX}. */
    void checkCount(int frames);

    /**
     * @param sameThreshold the score two templates of one person reach (1:1 verification's threshold)
     * @return the fused scan; when no frame has a usable face, the first frame's scan says why
     */
    FaceScan fuse(List<FaceScan> scans, double sameThreshold);

    /** Refuses the burst when any two usable frames do not verify against each other. */
    void requireOnePerson(List<FaceScan> scans, double sameThreshold);
}
