package io.facecard.application.platform.port;

import java.util.Map;

/** Port out for readiness: whether the event processing behind the use cases runs. */
public interface MessagingHealth {
    /** Every event processor runs and none is stuck in an error. */
    boolean healthy();

    /** Each processor by name: {@code running}, {@code stopped} or {@code error}. */
    Map<String, String> processors();
}
