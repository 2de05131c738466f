package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port out: WeChat mass sends recorded before they are made, so one that a crash interrupted is made again under the same id. */
public interface MassJobs {
    /** Records the send and the outbox rows it stands for (they point at it from now on), in one transaction. */
    void record(MassJob job, List<UUID> rows, Instant at);

    /** A send recorded earlier, if it is still there. */
    Optional<MassJob> find(String clientMsgId);

    /** The channel took it: the job keeps no openids or text from now on. */
    void sent(String clientMsgId, Instant at);

    /** @param sent true once the channel took it */
    record MassJob(String clientMsgId, TenantId tenant, List<String> openids, String text, boolean sent) {}
}
