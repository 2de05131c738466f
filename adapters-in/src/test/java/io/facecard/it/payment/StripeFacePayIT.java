package io.facecard.it.payment;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.jpeg;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api.Reply;
import io.facecard.it.Api;
import io.facecard.it.Fakes;
import io.facecard.it.Photos;
import io.facecard.it.Probes;
import io.facecard.it.Till;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STRIPE_FACE: our own face match pays with the member's saved card. The real stripe-java in the
 * server against the sandbox's Stripe fake; the real face models on real photos.
 */
class StripeFacePayIT {
    static Chain shop;
    static Till till;
    static List<byte[]> people;

    @BeforeAll
    static void setUp() throws Exception {
        Fakes.sandbox();
        people = Photos.people();
        shop = Api.onboard(Api.operatorToken());
        Api.call("PUT", "/api/v1/loyalty/program", shop.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5)).ok(200);
        Api.call("PUT", "/api/v1/payment-providers/STRIPE", shop.adminToken(), Map.of("sandbox", true)).ok(200);
        FacePayIT.fastTimings(shop);
        // Liveness is scored on every till photo; these tests set its bar where they need it.
        faceSettings(0.0);
        till = Till.of(shop, "B1");
    }

    static void faceSettings(double minLiveness) {
        Api.call("PUT", "/api/v1/face-settings", shop.adminToken(), Map.of("livenessForPayments", true, "minLiveness", minLiveness)).ok(200);
    }

    /** A member with a face, and (as asked) the FACE_PAY consent and a saved card. */
    static String member(int person, boolean facePay, String card) {
        return member(shop, person, facePay, card);
    }

    static String member(Chain shop, int person, boolean facePay, String card) {
        String m = post("/api/v1/members", shop.adminToken(), Map.of("name", "Payer " + person, "cardNumber",
                "S" + UUID.randomUUID().toString().substring(0, 10))).ok(201).get("id");
        consent(shop, m, "BIOMETRIC_IDENTIFICATION", true);
        jpeg("/api/v1/members/" + m + "/faces", shop.adminToken(), people.get(person)).ok(201);
        if (facePay) {
            consent(shop, m, "FACE_PAY", true);
        }
        if (card != null) {
            post("/api/v1/sandbox/members/" + m + "/stripe-card", shop.adminToken(), Map.of("paymentMethod", card)).ok(201);
        }
        return m;
    }

    static void consent(String member, String purpose, boolean granted) {
        consent(shop, member, purpose, granted);
    }

    static void consent(Chain shop, String member, String purpose, boolean granted) {
        post("/api/v1/members/" + member + "/consents", shop.adminToken(), Map.of("purpose", purpose, "granted", granted,
                "policyVersion", "2026-12", "source", "APP")).ok(201);
    }

    static String checkoutFor(int person, String amount) {
        String c = till.post("/api/v1/checkouts", Till.basket(Till.line("WINE", null, 1, amount))).ok(201).get("id");
        JsonNode who = till.photo("/api/v1/checkouts/" + c + "/identify", people.get(person)).ok(200).json();
        assertThat(who.path("decision").asText()).as(who.toString()).isEqualTo("MATCH");
        return c;
    }

    static Reply payByFace(String checkout, String amount, boolean confirmed) {
        return till.post("/api/v1/checkouts/" + checkout + "/payments", Map.of("method", "STRIPE_FACE", "amount", new BigDecimal(amount),
                "confirmedByCustomer", confirmed));
    }

    static String type(Reply r) {
        return r.json().path("type").asText();
    }

    @Test
    void aConsentingMemberWithASavedCardPaysByFaceAndCancellingRefundsIt() throws Exception {
        String m = member(0, true, "pm_card_visa");
        JsonNode cards = get("/api/v1/members/" + m + "/payment-methods", shop.adminToken()).ok(200).json().path("items");
        assertThat(cards.get(0).path("last4").asText()).isEqualTo("4242");
        String checkout = checkoutFor(0, "25.00");
        JsonNode p = payByFace(checkout, "25.00", true).ok(201).json();
        assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("SUCCEEDED");
        var charges = Fakes.sandbox().stripe().requests().stream().filter(r -> r.path().equals("/v1/payment_intents")
                && r.params().getOrDefault("metadata[facecard_reference]", "").equals(p.path("paymentId").asText().replace("-", "")))
                .toList();
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).params()).containsEntry("off_session", "true").containsEntry("confirm", "true")
                .containsEntry("amount", "2500");
        assertThat(charges.get(0).account()).isEqualTo("acct_1FacecardSandbox");
        till.post("/api/v1/checkouts/" + checkout + "/cancel", null).ok(200);
        JsonNode refund = FacePayIT.refunded(till, checkout, p.path("paymentId").asText());
        assertThat(refund.path("amount").decimalValue()).isEqualByComparingTo("25.00");
    }

    /**
     * The README's demo, where every face is a CONFIRM: the phone's digits resolve it, and the liveness the till
     * measured on that photo still counts for the payment (it was "none was made" before the step-up kept it).
     */
    @Test
    void aConfirmResolvedByThePhoneDigitsPaysByFaceOnTheLivenessTheTillMeasured() {
        String m = post("/api/v1/members", shop.adminToken(), Map.of("name", "Stepped Payer", "phone", "+4915100008899",
                "cardNumber", "S" + UUID.randomUUID().toString().substring(0, 10))).ok(201).get("id");
        consent(m, "BIOMETRIC_IDENTIFICATION", true);
        int person = 3; // the first face no other member of this shop has (the enrolment guard refuses a face already enrolled)
        while (jpeg("/api/v1/members/" + m + "/faces", shop.adminToken(), people.get(person)).status() != 201) {
            person++;
        }
        consent(m, "FACE_PAY", true);
        post("/api/v1/sandbox/members/" + m + "/stripe-card", shop.adminToken(), Map.of("paymentMethod", "pm_card_visa")).ok(201);
        Api.call("PUT", "/api/v1/face-settings", shop.adminToken(), Map.of("confidentThreshold", 0.99)).ok(200);
        try {
            String c = till.post("/api/v1/checkouts", Till.basket(Till.line("WINE", null, 1, "18.00"))).ok(201).get("id");
            JsonNode unsure = till.photo("/api/v1/checkouts/" + c + "/identify", Probes.scoring(shop, m, people.get(person), 0.6, 0.95)).ok(200).json();
            assertThat(unsure.path("decision").asText()).as(unsure.toString()).isEqualTo("CONFIRM");
            JsonNode right = till.post("/api/v1/checkouts/" + c + "/identify", Map.of("candidateToken", unsure.path("candidateToken").asText(),
                    "phoneLast4", "8899")).ok(200).json();
            assertThat(right.path("decision").asText()).isEqualTo("MATCH");
            JsonNode paid = payByFace(c, "18.00", true).ok(201).json();
            assertThat(paid.path("status").asText()).as(paid.toString()).isEqualTo("SUCCEEDED");
        } finally {
            Map<String, Object> none = new HashMap<>();
            none.put("confidentThreshold", null);
            Api.call("PUT", "/api/v1/face-settings", shop.adminToken(), none).ok(200);
        }
    }

    @Test
    void stripeFaceIsRefusedWithoutConsentConfirmationCardOrAStrongEnoughFaceAndOverTheLimit() {
        String noConsent = member(1, false, null);
        String c1 = checkoutFor(1, "10.00");
        assertThat(type(payByFace(c1, "10.00", true).problem(422))).endsWith("no-face-pay-consent");
        consent(noConsent, "FACE_PAY", true);
        assertThat(type(payByFace(c1, "10.00", true).problem(422))).endsWith("no-saved-card");
        post("/api/v1/sandbox/members/" + noConsent + "/stripe-card", shop.adminToken(), Map.of("paymentMethod", "pm_card_visa")).ok(201);
        assertThat(type(payByFace(c1, "10.00", false).problem(422))).endsWith("not-confirmed-by-customer");
        assertThat(type(payByFace(c1, "600.00", true).problem(422))).endsWith("payment-amount");
        // A withdrawn consent wins over the grant before it.
        consent(noConsent, "FACE_PAY", false);
        assertThat(type(payByFace(c1, "10.00", true).problem(422))).endsWith("no-face-pay-consent");
        consent(noConsent, "FACE_PAY", true);

        // Identified by card, not by face: no face proof at all.
        String byCard = till.post("/api/v1/checkouts", Till.basket(Till.line("WINE", null, 1, "10.00"))).ok(201).get("id");
        String cardNumber = get("/api/v1/members/" + noConsent, shop.adminToken()).json().path("cardNumber").asText();
        till.post("/api/v1/checkouts/" + byCard + "/identify", Map.of("cardNumber", cardNumber)).ok(200);
        assertThat(type(payByFace(byCard, "10.00", true).problem(422))).endsWith("face-not-enough-for-payment");

        // Below the payment threshold: another photo of the member, scoring below 0.99.
        String rescaled = till.post("/api/v1/checkouts", Till.basket(Till.line("WINE", null, 1, "10.00"))).ok(201).get("id");
        byte[] lessAlike = Probes.scoring(shop, noConsent, people.get(1), 0.8, 0.95);
        JsonNode who = till.photo("/api/v1/checkouts/" + rescaled + "/identify", lessAlike).ok(200).json();
        assertThat(who.path("decision").asText()).isEqualTo("MATCH");
        assertThat(who.path("score").asDouble()).isLessThan(0.99);
        Api.call("PUT", "/api/v1/payment-settings", shop.adminToken(), Map.of("stripeFaceThreshold", 0.99, "perPaymentLimit", 500,
                "firstQuerySeconds", 1, "queryEverySeconds", 1, "payWindowSeconds", 8, "reverseNotBeforeSeconds", 3)).ok(200);
        assertThat(get("/api/v1/payment-settings", shop.adminToken()).ok(200).body()).as("a plain number, not 5E+2")
                .contains("\"perPaymentLimit\":500");
        try {
            assertThat(type(payByFace(rescaled, "10.00", true).problem(422))).endsWith("face-not-enough-for-payment");
        } finally {
            FacePayIT.fastTimings(shop);
        }
        // Liveness below the tenant's bar.
        faceSettings(1.0);
        try {
            assertThat(type(payByFace(checkoutFor(1, "10.00"), "10.00", true).problem(422))).endsWith("face-not-enough-for-payment");
        } finally {
            faceSettings(0.0);
        }
        assertThat(payByFace(checkoutFor(1, "10.00"), "10.00", true).ok(201).json().path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aCardThatNeedsAuthenticationOrIsDeclinedFailsAndTheTillChoosesAnotherMethod() {
        member(2, true, "pm_card_authenticationRequired");
        String checkout = checkoutFor(2, "12.00");
        JsonNode p = payByFace(checkout, "12.00", true).problem(402).json();
        assertThat(p.path("type").asText()).endsWith("payment-declined");
        assertThat(p.path("reason").asText()).isEqualTo("authentication_required");
        till.post("/api/v1/checkouts/" + checkout + "/complete", Till.paid("R-" + checkout, "CARD", "12.00")).ok(200);
    }

    @Test
    void erasingTheMemberDeletesTheStripeCustomerAndTheSavedCards() {
        Chain other = Api.onboard(Api.operatorToken());
        Api.call("PUT", "/api/v1/payment-providers/STRIPE", other.adminToken(), Map.of("sandbox", true)).ok(200);
        long before = Fakes.sandbox().stripe().requests().stream().filter(r -> r.method().equals("DELETE")).count();
        String m = member(other, 0, true, "pm_card_visa");
        Api.delete("/api/v1/members/" + m, other.adminToken()).ok(204);
        assertThat(Fakes.sandbox().stripe().requests().stream().filter(r -> r.method().equals("DELETE")
                && r.path().startsWith("/v1/customers/")).count()).isEqualTo(before + 1);
        assertThat(get("/api/v1/members/" + m + "/payment-methods", other.adminToken()).ok(200).json().path("items").size()).isZero();
    }
}
