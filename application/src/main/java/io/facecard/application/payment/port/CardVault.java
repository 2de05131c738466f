package io.facecard.application.payment.port;

/**
 * Port out: members' cards saved for off-session charges at the till (Stripe customers and
 * payment methods on the tenant's connected account). Only Stripe's ids cross it, never a card number.
 */
public interface CardVault {
    /** A new Stripe customer for a member; {@code memberRef} is our opaque id, no personal data. */
    String createCustomer(ProviderAccounts.Account account, String memberRef, String idempotencyKey);

    /**
     * What the member's app does when it saves a card: a SetupIntent with {@code usage=off_session}
     * confirmed with the payment method; the card is usable at the till once it succeeded.
     */
    Card confirmSetup(ProviderAccounts.Account account, String customer, String paymentMethod, String idempotencyKey);

    void detach(ProviderAccounts.Account account, String paymentMethod);

    /** Erasure: the customer and its cards are deleted at Stripe. */
    void deleteCustomer(ProviderAccounts.Account account, String customer);

    /** @param status succeeded, requires_action, …; {@code failure} Stripe's code when it failed */
    record Card(String setupIntent, String status, String paymentMethod, String brand, String last4, String failure) {}
}
