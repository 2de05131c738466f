package io.facecard.it.biometrics;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api;
import io.facecard.it.Photos;
import io.facecard.it.membership.MembersAndFacesIT;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Point 3 of the wild-faces issue: the app is told when another enrolment photo helps, and a
 * tenant that opts in gets a confident or confirmed till photo as a template, at most once a
 * month per member, never in place of an enrolment photo, five in all.
 */
public class TemplateRefreshIT {
    public static List<byte[]> people;

    @BeforeAll
    static void photos() throws Exception {
        people = Photos.people();
    }

    public static String enrolled(Chain c, String phone, byte[] photo) {
        String m = MembersAndFacesIT.member(c, "Refresh " + phone, phone, "CARD-" + phone.substring(phone.length() - 6));
        MembersAndFacesIT.consent(c, m, true);
        JsonNode e = jpeg("/api/v1/members/" + m + "/faces", c.adminToken(), photo).ok(201).json();
        assertThat(e.path("templates").asInt()).isEqualTo(1);
        assertThat(e.path("anotherPhotoHelps").asBoolean()).isTrue();
        return m;
    }

    /** As if the member had enrolled more than a month ago. */
    static void ageTemplates(Chain c, String member) throws Exception {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            db.createStatement().execute("select set_config('app.tenant_id', '" + c.id() + "', true)");
            db.createStatement().executeUpdate("update face_template set created_at = created_at - interval '31 days' "
                    + "where member_id = '" + member + "'");
            db.commit();
        }
    }

    public static JsonNode faces(Chain c, String member) {
        return get("/api/v1/members/" + member + "/faces", c.adminToken()).ok(200).json();
    }

    @Test
    void aConfidentTillMatchBecomesATemplateOnceAMonthWhereTheTenantOptsIn() throws Exception {
        Chain c = onboard(operatorToken());
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("refreshFromTill", true)).ok(200);
        String m = enrolled(c, "+4915100004401", people.get(1));
        ageTemplates(c, m);
        assertThat(MembersAndFacesIT.identify(c, Photos.altered(people.get(1))).get("decision")).isEqualTo("MATCH");
        JsonNode after = faces(c, m);
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.findValuesAsText("source")).containsExactlyInAnyOrder("ENROLMENT", "TILL");
        MembersAndFacesIT.identify(c, Photos.rescaled(people.get(1)));
        assertThat(faces(c, m).size()).as("refreshed a moment ago: not again this month").isEqualTo(2);
        JsonNode export = get("/api/v1/members/" + m + "/export", c.adminToken()).ok(200).json();
        assertThat(export.path("faces").findValuesAsText("source")).contains("TILL");
    }

    @Test
    void aConfirmedStepUpRefreshesAndATenantThatDidNotOptInNeverDoes() throws Exception {
        Chain c = onboard(operatorToken());
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("refreshFromTill", true, "confidentThreshold", 0.99)).ok(200);
        String m = enrolled(c, "+4915100004402", people.get(2));
        ageTemplates(c, m);
        String token = jpeg("/api/v1/identify", c.adminToken(), Photos.altered(people.get(2))).ok(200).get("candidateToken");
        assertThat(faces(c, m).size()).as("nothing before the digits").isEqualTo(1);
        assertThat(post("/api/v1/identify", c.adminToken(), Map.of("candidateToken", token, "phoneLast4", "4402")).ok(200)
                .get("decision")).isEqualTo("MATCH");
        assertThat(faces(c, m).findValuesAsText("source")).containsExactlyInAnyOrder("ENROLMENT", "TILL");

        Chain off = onboard(operatorToken());
        String other = enrolled(off, "+4915100004403", people.get(3));
        ageTemplates(off, other);
        assertThat(MembersAndFacesIT.identify(off, Photos.altered(people.get(3))).get("decision")).isEqualTo("MATCH");
        assertThat(faces(off, other).size()).as("off by default").isEqualTo(1);
    }
}
