package io.facecard.application.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.domain.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final Instant AT = Instant.ofEpochSecond(1_614_265_330);

    @Test
    void signsAsTheStandardWebhooksSpecificationsExample() {
        // The specification's published test vector.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", AT, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringAnOverlapEitherSecretVerifiesAndNoOtherDoes() {
        String old = WebhookSignature.newSecret();
        String next = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(next, old), "id-1", AT, "{}");
        assertThat(header.split(" ")).hasSize(2);
        assertThat(WebhookSignature.verifies(old, "id-1", AT, "{}", header)).isTrue();
        assertThat(WebhookSignature.verifies(next, "id-1", AT, "{}", header)).isTrue();
        assertThat(WebhookSignature.verifies(WebhookSignature.newSecret(), "id-1", AT, "{}", header)).isFalse();
        assertThat(WebhookSignature.verifies(old, "id-1", AT.plusSeconds(1), "{}", header)).isFalse();
        assertThat(WebhookSignature.verifies(old, "id-1", AT, "{ }", header)).isFalse();
    }

    @Test
    void urlsAreHttpsToPublicHostsLiveAndMayBeLocalInTheSandbox() {
        assertThat(EndpointUrls.check("https://crm.example.com/hooks", false)).isEqualTo("https://crm.example.com/hooks");
        assertThat(EndpointUrls.check("http://127.0.0.1:9099/hooks/a", true)).isEqualTo("http://127.0.0.1:9099/hooks/a");
        for (String bad : List.of("http://crm.example.com/h", "https://127.0.0.1/h", "https://10.1.2.3/h", "https://172.20.0.1/h",
                "https://192.168.1.1/h", "https://169.254.169.254/latest", "https://[::1]/h", "https://localhost/h", "https://db/h",
                "https://metadata.google.internal/h", "https://user:pw@crm.example.com/h", "ftp://crm.example.com", "https://crm.example.com/#x",
                "not a url", "/relative")) {
            assertThatThrownBy(() -> EndpointUrls.check(bad, false)).as(bad).isInstanceOf(Refusal.class);
        }
        assertThatThrownBy(() -> EndpointUrls.check("http://10.0.0.8/h", true)).isInstanceOf(Refusal.class);
    }
}
