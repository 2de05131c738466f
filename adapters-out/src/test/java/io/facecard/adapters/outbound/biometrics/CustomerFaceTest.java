package io.facecard.adapters.outbound.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

class CustomerFaceTest {
    static {
        OpenCvLoader.load();
    }

    @Test
    void theLargeCentredFaceIsTheCustomersOverASmallerOneBehind() {
        Rect customer = new Rect(260, 140, 120, 120);
        Rect queue = new Rect(20, 20, 80, 80);
        assertThat(CustomerFace.choose(List.of(queue, customer), 640, 480)).contains(customer);
    }

    @Test
    void aCentredFaceBeatsASomewhatLargerOneAtTheEdge() {
        Rect centred = new Rect(280, 180, 100, 100);
        Rect poster = new Rect(0, 0, 115, 115);
        assertThat(CustomerFace.choose(List.of(poster, centred), 640, 480)).contains(centred);
    }

    @Test
    void twoNearlyEqualFacesLeaveTheTillUnableToChoose() {
        Rect left = new Rect(180, 160, 110, 110);
        Rect right = new Rect(350, 160, 105, 105);
        assertThat(CustomerFace.choose(List.of(left, right), 640, 480)).isEmpty();
    }

    @Test
    void oneFaceIsAlwaysTheCustomers() {
        Rect only = new Rect(0, 0, 40, 40);
        assertThat(CustomerFace.choose(List.of(only), 640, 480)).contains(only);
        assertThat(CustomerFace.choose(List.of(), 640, 480)).isEmpty();
    }
}
