package io.facecard.it.biometrics;

import static io.facecard.it.Api.*;
import static io.facecard.it.Till.basket;
import static io.facecard.it.Till.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api;
import io.facecard.it.Photos;
import io.facecard.it.Probes;
import io.facecard.it.Till;
import io.facecard.it.membership.MembersAndFacesIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The till's CONFIRM over HTTP: a face the platform is not sure of comes back with a candidate
 * token and no member; the customer's last four phone digits pick the member, wrong ones spend
 * the token; the thresholds shown follow the gallery.
 */
class StepUpIT {
    static Chain chain;
    static Till till;
    static List<byte[]> people;
    static String ada;

    @BeforeAll
    static void setUp() throws Exception {
        chain = onboard(operatorToken());
        till = Till.of(chain, "STEPUP");
        people = Photos.people();
        ada = MembersAndFacesIT.member(chain, "Ada Step", "+4915100007711", "CARD-SU-1");
        MembersAndFacesIT.consent(chain, ada, true);
        jpeg("/api/v1/members/" + ada + "/faces", chain.adminToken(), people.get(0)).ok(201);
        // Nothing is confident enough: every face answer must be confirmed.
        call("PUT", "/api/v1/face-settings", chain.adminToken(), Map.of("confidentThreshold", 0.99)).ok(200);
    }

    static JsonNode confirmOnCheckout(String checkout, String token, String digits) {
        return till.post("/api/v1/checkouts/" + checkout + "/identify", Map.of("candidateToken", token, "phoneLast4", digits)).ok(200).json();
    }

    /** Another photo of Ada that the step-up band takes: above the floor, below the forced confident score of 0.99. */
    static byte[] unsure() {
        return Probes.scoring(chain, ada, people.get(0), 0.6, 0.95);
    }

    static String openCheckout() {
        return till.post("/api/v1/checkouts", basket(line("TEA", "drinks", 1, "4.00"))).ok(201).get("id");
    }

    @Test
    void anUnsureFaceIsConfirmedByThePhoneDigitsAndThenTheCheckoutHasItsMember() {
        String checkout = openCheckout();
        Reply unsure = till.photo("/api/v1/checkouts/" + checkout + "/identify", unsure()).ok(200);
        JsonNode u = unsure.json();
        assertThat(u.path("decision").asText()).as(unsure.body()).isEqualTo("CONFIRM");
        assertThat(u.path("member").isNull()).isTrue();
        assertThat(u.path("candidateToken").asText()).hasSizeGreaterThan(20);
        assertThat(unsure.body()).doesNotContain("Ada").doesNotContain("7711").doesNotContain(ada);

        JsonNode wrong = confirmOnCheckout(checkout, u.path("candidateToken").asText(), "0000");
        assertThat(wrong.path("decision").asText()).isEqualTo("CONFIRM");
        assertThat(wrong.path("hint").asText()).isEqualTo("WRONG_DIGITS");
        assertThat(wrong.path("triesLeft").asInt()).isEqualTo(2);
        assertThat(wrong.path("member").isNull()).isTrue();

        JsonNode right = confirmOnCheckout(checkout, u.path("candidateToken").asText(), "7711");
        assertThat(right.path("decision").asText()).isEqualTo("MATCH");
        assertThat(right.path("member").path("id").asText()).isEqualTo(ada);
        assertThat(right.path("quote").path("pointsToEarn").isNumber()).isTrue();
        assertThat(till.send("GET", "/api/v1/checkouts/" + checkout, null, null).reply().ok(200).json().path("memberId").asText())
                .as("the checkout is bound to the confirmed member").isEqualTo(ada);

        Reply reused = till.post("/api/v1/checkouts/" + checkout + "/identify",
                Map.of("candidateToken", u.path("candidateToken").asText(), "phoneLast4", "7711"));
        assertThat(reused.problem(409).json().path("type").asText()).endsWith("step-up-expired");
    }

    @Test
    void threeWrongTriesSendTheTillToTheCardAndTheTokenIsDead() {
        String token = jpeg("/api/v1/identify", chain.adminToken(), unsure()).ok(200).get("candidateToken");
        assertThat(post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token, "phoneLast4", "1111")).ok(200)
                .json().path("triesLeft").asInt()).isEqualTo(2);
        post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token, "phoneLast4", "2222")).ok(200);
        JsonNode third = post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token, "phoneLast4", "3333")).ok(200).json();
        assertThat(third.path("decision").asText()).isEqualTo("NO_MATCH");
        assertThat(third.path("hint").asText()).isEqualTo("USE_CARD");
        post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token, "phoneLast4", "7711")).problem(409);
    }

    @Test
    void badStepUpInputIsTheCallersMistakeAndAnotherTenantsTokenIsUnknown() {
        String token = jpeg("/api/v1/identify", chain.adminToken(), unsure()).ok(200).get("candidateToken");
        post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token, "phoneLast4", "77a1")).problem(400);
        post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token)).problem(400);
        post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token, "cardNumber", "CARD-SU-1")).problem(400);
        Chain other = onboard(operatorToken());
        post("/api/v1/identify", other.adminToken(), Map.of("candidateToken", token, "phoneLast4", "7711")).problem(409);
        assertThat(post("/api/v1/identify", chain.adminToken(), Map.of("candidateToken", token, "phoneLast4", "7711")).ok(200)
                .json().path("member").path("id").asText()).as("the other tenant's try cost nothing").isEqualTo(ada);
    }

    @Test
    void aCandidateWithoutAPhoneIsSentToTheCard() {
        Chain c = onboard(operatorToken());
        String m = post("/api/v1/members", c.adminToken(), Map.of("name", "No Phone", "cardNumber", "CARD-NP-1")).ok(201).get("id");
        MembersAndFacesIT.consent(c, m, true);
        jpeg("/api/v1/members/" + m + "/faces", c.adminToken(), people.get(1)).ok(201);
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("confidentThreshold", 0.99)).ok(200);
        JsonNode i = jpeg("/api/v1/identify", c.adminToken(), Photos.altered(people.get(1))).ok(200).json();
        assertThat(i.path("decision").asText()).isEqualTo("NO_MATCH");
        assertThat(i.path("hint").asText()).isEqualTo("USE_CARD");
    }

    @Test
    void theSettingsShowTheThresholdsTheGalleryCallsFor() {
        JsonNode s = get("/api/v1/face-settings", chain.adminToken()).ok(200).json();
        JsonNode e = s.path("effective");
        assertThat(s.path("confidentThreshold").asDouble()).isEqualTo(0.99);
        assertThat(s.path("falseAcceptsPer10k").asDouble()).isEqualTo(1.0);
        assertThat(e.path("templates").asLong()).isEqualTo(1);
        assertThat(e.path("matchThreshold").asDouble()).isBetween(0.40, 0.99);
        assertThat(e.path("confidentThreshold").asDouble()).isEqualTo(0.99);
        assertThat(e.path("expectedFalseAcceptsPer10k").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(e.path("rateBasis").asText()).isEqualTo("EXTRAPOLATED");

        Chain fresh = onboard(operatorToken());
        JsonNode d = get("/api/v1/face-settings", fresh.adminToken()).ok(200).json();
        assertThat(d.path("confidentThreshold").isNull()).as("derived by default").isTrue();
        assertThat(d.path("effective").path("confidentThreshold").asDouble()).as("MATCH at the match threshold")
                .isEqualTo(d.path("effective").path("matchThreshold").asDouble());
        assertThat(d.path("effective").path("stepUpThreshold").asDouble()).as("CONFIRM beneath it")
                .isLessThanOrEqualTo(d.path("effective").path("matchThreshold").asDouble());
        // A tenant that accepts more false accepts gets a lower threshold, never below its own.
        call("PUT", "/api/v1/face-settings", fresh.adminToken(), Map.of("falseAcceptsPer10k", 100)).ok(200);
        JsonNode looser = get("/api/v1/face-settings", fresh.adminToken()).json().path("effective");
        assertThat(looser.path("matchThreshold").asDouble()).isLessThan(d.path("effective").path("matchThreshold").asDouble())
                .isGreaterThanOrEqualTo(0.40);
        call("PUT", "/api/v1/face-settings", fresh.adminToken(), Map.of("falseAcceptsPer10k", 0)).problem(400);
    }
}
