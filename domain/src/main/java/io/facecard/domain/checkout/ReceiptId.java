package io.facecard.domain.checkout;

import io.facecard.domain.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A receipt's stream is named after the tenant and the receipt number, so the event store itself
 * refuses a second receipt with the same number: an offline purchase is credited once.
 */
public record ReceiptId(UUID value) {
    public static ReceiptId of(TenantId tenant, String receiptNumber) {
        return new ReceiptId(UUID.nameUUIDFromBytes((tenant.value() + "\n" + receiptNumber).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "receipt-" + value;
    }
}
