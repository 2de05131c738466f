package io.facecard.application.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RejectionLogTest {
    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aBurstOfForgeriesIsRecordedTenAMinutePerWebhook() {
        RejectionLog log = new RejectionLog();
        int recorded = 0;
        for (int i = 0; i < 50; i++) {
            recorded += log.record("STRIPE:a", T0.plusMillis(i)) ? 1 : 0;
        }
        assertThat(recorded).isEqualTo(RejectionLog.PER_MINUTE);
        assertThat(log.record("STRIPE:b", T0)).as("another webhook has its own budget").isTrue();
        assertThat(log.record("STRIPE:a", T0.plusSeconds(61))).as("a new minute").isTrue();
    }
}
