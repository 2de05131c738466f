package io.facecard.it.biometrics;

import static io.facecard.it.Api.*;
import static io.facecard.it.Till.basket;
import static io.facecard.it.Till.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api;
import io.facecard.it.Multipart;
import io.facecard.it.Photos;
import io.facecard.it.Probes;
import io.facecard.it.Till;
import io.facecard.it.membership.MembersAndFacesIT;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision bands over HTTP (MATCH at the gallery-aware threshold, a CONFIRM band beneath it resolved by the
 * phone's digits), a till's burst of frames fused into one identification, and the app's burst enrolment that
 * takes each good photo and refuses a photo of someone else as a member's further template.
 */
class FaceBandsIT {
    static Chain chain;
    static Till till;
    static List<byte[]> people;
    static String ada;

    @BeforeAll
    static void setUp() throws Exception {
        chain = onboard(operatorToken());
        till = Till.of(chain, "BANDS");
        people = Photos.people();
        ada = MembersAndFacesIT.member(chain, "Ada Bands", "+4915100008822", "CARD-FB-1");
        MembersAndFacesIT.consent(chain, ada, true);
        jpeg("/api/v1/members/" + ada + "/faces", chain.adminToken(), people.get(0)).ok(201);
    }

    @Test
    void theSettingsShowEachBandWithTheStrangersItLetsThrough() {
        JsonNode e = get("/api/v1/face-settings", chain.adminToken()).ok(200).json().path("effective");
        double match = e.path("matchThreshold").asDouble();
        assertThat(e.path("confidentThreshold").asDouble()).as("MATCH at the match threshold by default").isEqualTo(match);
        assertThat(e.path("stepUpThreshold").asDouble()).isLessThan(match).isGreaterThanOrEqualTo(0.40);
        assertThat(e.path("paymentThreshold").asDouble()).isGreaterThan(match);
        assertThat(e.path("expectedFalseAcceptsPer10k").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(e.path("expectedStepUpsPer10k").asDouble()).isGreaterThan(e.path("expectedFalseAcceptsPer10k").asDouble());
        assertThat(e.path("expectedStepUpFalseAcceptsPer10k").asDouble()).as("face and digits together").isLessThanOrEqualTo(1.0001);
        assertThat(e.path("expectedPaymentFalseAcceptsPer10k").asDouble()).isLessThanOrEqualTo(0.0101);
        assertThat(e.path("digitGuessChance").asDouble()).isEqualTo(0.0015);
    }

    @Test
    void aFaceInTheStepUpBandIsConfirmedByTheDigitsAndAClearOneMatchesAtOnce() {
        Chain c = onboard(operatorToken());
        String bea = MembersAndFacesIT.member(c, "Bea Bands", "+4915100008833", "CARD-FB-2");
        MembersAndFacesIT.consent(c, bea, true);
        jpeg("/api/v1/members/" + bea + "/faces", c.adminToken(), people.get(1)).ok(201);
        // A stricter chain: the match threshold rises far above the step-up floor, so the band is wide enough to land in.
        JsonNode e = call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("falseAcceptsPer10k", 0.001)).ok(200).json()
                .path("effective");
        double floor = e.path("stepUpThreshold").asDouble();
        double match = e.path("matchThreshold").asDouble();
        assertThat(floor).isLessThan(match - 0.1);
        byte[] inBand = Probes.scoring(c, bea, people.get(1), floor + 0.01, match - 0.01);

        JsonNode unsure = jpeg("/api/v1/identify", c.adminToken(), inBand).ok(200).json();
        assertThat(unsure.path("decision").asText()).isEqualTo("CONFIRM");
        assertThat(unsure.path("member").isNull()).isTrue();
        JsonNode confirmed = post("/api/v1/identify", c.adminToken(),
                Map.of("candidateToken", unsure.path("candidateToken").asText(), "phoneLast4", "8833")).ok(200).json();
        assertThat(confirmed.path("decision").asText()).isEqualTo("MATCH");
        assertThat(confirmed.path("member").path("id").asText()).isEqualTo(bea);

        JsonNode clear = jpeg("/api/v1/identify", c.adminToken(), Photos.altered(people.get(1))).ok(200).json();
        assertThat(clear.path("decision").asText()).as("score %s above %.3f", clear.path("score"), match).isEqualTo("MATCH");
        assertThat(clear.path("member").path("id").asText()).isEqualTo(bea);
    }

    @Test
    void threeFramesOfOneCustomerAreOneIdentificationAsMultipartOrBase64() {
        byte[][] burst = {Photos.altered(people.get(0)), Photos.rescaled(people.get(0)), people.get(0)};
        Multipart m = Multipart.of(burst);
        JsonNode byParts = bytes("/api/v1/identify", chain.adminToken(), m.body(), m.contentType()).ok(200).json();
        assertThat(byParts.path("decision").asText()).isEqualTo("MATCH");
        assertThat(byParts.path("member").path("id").asText()).isEqualTo(ada);

        String checkout = till.post("/api/v1/checkouts", basket(line("TEA", "drinks", 1, "4.00"))).ok(201).get("id");
        List<String> encoded = Arrays.stream(burst).map(b -> Base64.getEncoder().encodeToString(b)).toList();
        JsonNode byJson = till.post("/api/v1/checkouts/" + checkout + "/identify", Map.of("frames", encoded)).ok(200).json();
        assertThat(byJson.path("decision").asText()).isEqualTo("MATCH");
        assertThat(byJson.path("member").path("id").asText()).isEqualTo(ada);
        assertThat(byJson.path("quote").path("pointsToEarn").isNumber()).isTrue();

        String second = till.post("/api/v1/checkouts", basket(line("TEA", "drinks", 1, "4.00"))).ok(201).get("id");
        JsonNode tillParts = till.frames("/api/v1/checkouts/" + second + "/identify", burst).ok(200).json();
        assertThat(tillParts.path("member").path("id").asText()).isEqualTo(ada);
    }

    @Test
    void framesOfDifferentPeopleOrMalformedBurstsAreRefused() {
        Multipart mixed = Multipart.of(people.get(0), people.get(2));
        Reply refused = bytes("/api/v1/identify", chain.adminToken(), mixed.body(), mixed.contentType()).problem(422);
        assertThat(refused.json().path("reason").asText()).isEqualTo("NOT_SAME_PERSON");

        byte[] one = people.get(0);
        Multipart six = Multipart.of(one, one, one, one, one, one);
        bytes("/api/v1/identify", chain.adminToken(), six.body(), six.contentType()).problem(400);
        Multipart text = Multipart.withTypes("text/plain", one);
        bytes("/api/v1/identify", chain.adminToken(), text.body(), text.contentType()).problem(400);
        post("/api/v1/identify", chain.adminToken(), Map.of("frames", List.of("not base64!"))).problem(400);
        post("/api/v1/identify", chain.adminToken(), Map.of("frames", List.of())).problem(400);
        post("/api/v1/identify", chain.adminToken(),
                Map.of("frames", List.of(Base64.getEncoder().encodeToString(one)), "cardNumber", "CARD-FB-1")).problem(400);
    }

    @Test
    void aBurstEnrolsEachGoodPhotoAndAnotherPersonIsRefusedAsAFurtherTemplate() {
        String bob = MembersAndFacesIT.member(chain, "Bob Burst", "+4915100008844", "CARD-FB-3");
        MembersAndFacesIT.consent(chain, bob, true);
        byte[] face = people.get(3);
        Multipart burst = Multipart.of(face, Photos.altered(face), Photos.rescaled(face));
        JsonNode b = bytes("/api/v1/members/" + bob + "/faces", chain.adminToken(), burst.body(), burst.contentType()).ok(201).json();
        int enrolled = b.path("enrolled").size();
        assertThat(enrolled).as(b.toString()).isGreaterThanOrEqualTo(2);
        assertThat(enrolled + b.path("refused").size()).as("every photo enrolled or named").isEqualTo(3);
        assertThat(b.path("templates").asInt()).isEqualTo(enrolled);

        // Someone else's photo as Bob's fourth template: it would make that person a candidate for Bob at the till.
        Reply other = jpeg("/api/v1/members/" + bob + "/faces", chain.adminToken(), people.get(2)).problem(422);
        assertThat(other.json().path("reason").asText()).isEqualTo("NOT_SAME_PERSON");
        assertThat(get("/api/v1/members/" + bob + "/faces", chain.adminToken()).ok(200).json()).hasSize(enrolled);

        // A burst of two people changes nothing; a photo without a face is named and skipped.
        String cy = MembersAndFacesIT.member(chain, "Cy Burst", "+4915100008855", "CARD-FB-4");
        MembersAndFacesIT.consent(chain, cy, true);
        // people 1 to 3 come from one group photo: different people, none of them enrolled in this chain but Bob
        String p1 = Base64.getEncoder().encodeToString(people.get(1));
        Reply two = post("/api/v1/members/" + cy + "/faces", chain.adminToken(),
                Map.of("photos", List.of(p1, Base64.getEncoder().encodeToString(people.get(2)))));
        assertThat(two.problem(422).json().path("reason").asText()).isEqualTo("NOT_SAME_PERSON");
        assertThat(get("/api/v1/members/" + cy + "/faces", chain.adminToken()).ok(200).json()).isEmpty();
        String garbage = Base64.getEncoder().encodeToString("not a photo at all".getBytes(StandardCharsets.UTF_8));
        JsonNode partly = post("/api/v1/members/" + cy + "/faces", chain.adminToken(),
                Map.of("photos", List.of(Base64.getEncoder().encodeToString(Photos.blank()), p1, garbage))).ok(201).json();
        assertThat(partly.path("enrolled")).hasSize(1);
        assertThat(partly.path("refused").get(0).path("index").asInt()).isZero();
        assertThat(partly.path("refused").get(0).path("reason").asText()).isEqualTo("NO_FACE");
        assertThat(partly.path("refused").get(1).path("index").asInt()).isEqualTo(2);
        assertThat(partly.path("refused").get(1).path("reason").asText()).isEqualTo("NOT_AN_IMAGE");
        assertThat(partly.path("refused").get(1).path("detail").asText()).as("a photo, not 'the body'").contains("image")
                .doesNotContain("body");
    }
}
