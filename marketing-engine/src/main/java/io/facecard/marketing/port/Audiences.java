package io.facecard.marketing.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Port out: a condition tree evaluated over the tenant's living members, in the database (never member by member). */
public interface Audiences {
    /**
     * @param segments another segment's tree by id, for segment leaves
     * @param sample how many member ids to show
     */
    Preview preview(TenantId tenant, Condition condition, Function<String, Condition> segments, Instant now, int sample);

    record Preview(long count, List<MemberId> sample) {}
}
