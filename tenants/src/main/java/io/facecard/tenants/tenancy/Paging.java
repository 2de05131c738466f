package io.facecard.tenants.tenancy;

import io.facecard.domain.refusal.Refusal;

/** Page bounds every list endpoint shares. */
public record Paging(int offset, int limit) {
    public static final int MAX_LIMIT = 200;

    public static Paging of(Integer offset, Integer limit) {
        int o = offset == null ? 0 : offset;
        int l = limit == null ? 50 : limit;
        if (o < 0) {
            throw Refusal.invalid("'offset' must be 0 or more");
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw Refusal.invalid("'limit' must be between 1 and " + MAX_LIMIT);
        }
        return new Paging(o, l);
    }
}
