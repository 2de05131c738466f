package io.facecard.domain.membership;

/**
 * A member's personal data as it is stored in events: ciphertext under the member's own key,
 * which lives outside the event store. Destroying the key erases the data from every event.
 */
public record SealedPersonalData(String keyId, String ciphertext) {}
