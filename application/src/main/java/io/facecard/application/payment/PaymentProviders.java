package io.facecard.application.payment;

import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.ProviderAccounts.Account;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.support.SandboxIds;
import io.facecard.application.support.Secrets;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.payment.PaymentRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A tenant admin's accounts at the payment providers: set, shown without their secrets, removed. */
@ApplicationScoped
@Transactional
public class PaymentProviders {
    static final Permit ADMIN = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());

    /**
     * @param secrets each secret's name with a fingerprint (a short hash) to tell which value is set, never the value
     * @param webhookPath where the provider sends this account's notifications
     */
    public record View(PaymentProvider provider, Map<String, String> settings, Map<String, String> secrets, String webhookPath,
            Instant updatedAt) {}

    private ProviderAccounts accounts;
    private Programs programs;
    private Clock clock;
    private PaymentGateways gateways;

    /** For the CDI client proxy only. */
    protected PaymentProviders() {}

    @Inject
    public PaymentProviders(ProviderAccounts accounts, Programs programs, Clock clock, PaymentGateways gateways) {
        this.gateways = gateways;
        this.accounts = accounts;
        this.programs = programs;
        this.clock = clock;
    }

    public View put(Caller caller, PaymentProvider provider, Map<String, String> body) {
        TenantId tenant = ADMIN.tenantOf(caller);
        Map<Boolean, Map<String, String>> fields = ProviderFields.split(provider, body);
        String currency = programs.terms(tenant).currency();
        if (!provider.accepts(currency)) {
            throw new Refusal(PaymentRule.PROVIDER_CURRENCY, provider + " face-pay settles in CNY; this tenant reckons in " + currency);
        }
        // The webhook id stays with the account across updates: the provider's configured URL keeps working.
        String webhookId = accounts.find(tenant, provider).map(Account::webhookId).orElseGet(Secrets::randomId);
        accounts.put(tenant, new Account(provider, fields.get(false), fields.get(true), webhookId, clock.instant()));
        return get(caller, provider);
    }

    /** The sandbox contract: the account the local fake of {@code provider} knows. Live platforms answer 404. */
    public View putSandbox(Caller caller, PaymentProvider provider) {
        if (!gateways.sandbox()) {
            throw Refusal.notFound("sandbox accounts (this platform talks to the live providers)");
        }
        Map<String, String> fields = new TreeMap<>(ProviderFields.sandbox(provider));
        if (provider == PaymentProvider.WECHAT_PAY) {
            fields.put("subAppid", SandboxIds.wechatAppid(ADMIN.tenantOf(caller)));
        }
        return put(caller, provider, fields);
    }

    public View get(Caller caller, PaymentProvider provider) {
        TenantId tenant = ADMIN.tenantOf(caller);
        Account a = accounts.find(tenant, provider).orElseThrow(() -> Refusal.notFound(provider + " account"));
        Map<String, String> fingerprints = new TreeMap<>();
        a.secrets().forEach((name, value) -> fingerprints.put(name, Secrets.fingerprint(value)));
        return new View(provider, a.settings(), fingerprints, "/api/v1/webhooks/" + provider.name().toLowerCase() + "/" + a.webhookId(),
                a.updatedAt());
    }

    public void remove(Caller caller, PaymentProvider provider) {
        if (!accounts.remove(ADMIN.tenantOf(caller), provider)) {
            throw Refusal.notFound(provider + " account");
        }
    }


}
