package io.facecard.adapters.outbound.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import io.facecard.application.payment.port.CardVault;
import io.facecard.application.payment.port.ProviderAccounts.Account;

/** Saved cards on Stripe Connect: one customer per member on the tenant's connected account, cards saved for off-session use. */
public final class StripeCards implements CardVault {
    private final StripeClient client;

    public StripeCards(String secretKey, String apiBase) {
        this.client = StripeGateway.client(secretKey, apiBase);
    }

    @Override
    public String createCustomer(Account account, String memberRef, String idempotencyKey) {
        try {
            Customer c = client.customers().create(CustomerCreateParams.builder().putMetadata("facecard_member", memberRef).build(),
                    StripeGateway.options(account, idempotencyKey));
            return c.getId();
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe did not create the customer: " + e.getCode(), e);
        }
    }

    @Override
    public Card confirmSetup(Account account, String customer, String paymentMethod, String idempotencyKey) {
        SetupIntentCreateParams params = SetupIntentCreateParams.builder().setCustomer(customer).setPaymentMethod(paymentMethod)
                .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION).setConfirm(true).addPaymentMethodType("card").build();
        try {
            SetupIntent si = client.setupIntents().create(params, StripeGateway.options(account, idempotencyKey));
            String pm = si.getPaymentMethod();
            String brand = null;
            String last4 = null;
            if ("succeeded".equals(si.getStatus()) && pm != null) {
                PaymentMethod m = client.paymentMethods().retrieve(pm, StripeGateway.options(account, null));
                if (m.getCard() != null) {
                    brand = m.getCard().getBrand();
                    last4 = m.getCard().getLast4();
                }
            }
            return new Card(si.getId(), si.getStatus(), pm, brand, last4, null);
        } catch (CardException e) {
            return new Card(null, "failed", paymentMethod, null, null, e.getCode());
        } catch (StripeException e) {
            return new Card(null, "failed", paymentMethod, null, null, e.getCode() == null ? "stripe-error" : e.getCode());
        }
    }

    @Override
    public void detach(Account account, String paymentMethod) {
        try {
            client.paymentMethods().detach(paymentMethod, StripeGateway.options(account, null));
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe did not detach the payment method: " + e.getCode(), e);
        }
    }

    @Override
    public void deleteCustomer(Account account, String customer) {
        try {
            client.customers().delete(customer, StripeGateway.options(account, null));
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe did not delete the customer: " + e.getCode(), e);
        }
    }
}
