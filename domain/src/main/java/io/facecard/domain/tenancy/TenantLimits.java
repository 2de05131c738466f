package io.facecard.domain.tenancy;

import io.facecard.domain.Published;

/**
 * A tenant's share of the machine, set by the operator.
 *
 * @param requestsPerSecond sustained calls per second of one credential (a till's key, a staff login)
 * @param burst calls one credential may make at once after a quiet spell
 * @param faceConcurrency the tenant's photos in the face pipeline at once (scanning or queued); more are refused
 * @param importWorkers the tenant's import rows processed at once
 */
@Published("a tenant's rates and shares, which every context's edge enforces")
public record TenantLimits(int requestsPerSecond, int burst, int faceConcurrency, int importWorkers) {
    /** A till makes about 4 calls per checkout; 50/s leaves a busy till (6–7 checkouts/s measured) room. */
    public static final TenantLimits DEFAULT = new TenantLimits(50, 100, 4, 1);

    public TenantLimits {
        within("requestsPerSecond", requestsPerSecond, 1, 10_000);
        within("burst", burst, 1, 20_000);
        within("faceConcurrency", faceConcurrency, 1, 64);
        within("importWorkers", importWorkers, 1, 8);
        if (burst < requestsPerSecond) {
            throw new IllegalArgumentException("'burst' must be at least 'requestsPerSecond'");
        }
    }

    /** These limits with the given values replaced; null keeps a value. */
    public TenantLimits with(Integer requestsPerSecond, Integer burst, Integer faceConcurrency, Integer importWorkers) {
        return new TenantLimits(or(requestsPerSecond, this.requestsPerSecond), or(burst, this.burst),
                or(faceConcurrency, this.faceConcurrency), or(importWorkers, this.importWorkers));
    }

    private static int or(Integer value, int current) {
        return value == null ? current : value;
    }

    private static void within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("'" + name + "' must be between " + min + " and " + max);
        }
    }
}
