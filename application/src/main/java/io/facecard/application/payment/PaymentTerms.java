package io.facecard.application.payment;

import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.biometrics.port.FaceSettingsStore;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.application.payment.port.PaymentSettingsStore;
import io.facecard.application.security.Caller;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A tenant admin's face-pay settings. Whether a payment needs liveness is the face settings'
 * {@code livenessForPayments}: one value, shown and set from either place.
 */
@ApplicationScoped
@Transactional
public class PaymentTerms {
    private PaymentSettingsStore store;
    private FaceSettingsStore faces;
    private PaymentGateways gateways;

    protected PaymentTerms() {}

    @Inject
    public PaymentTerms(PaymentSettingsStore store, FaceSettingsStore faces, PaymentGateways gateways) {
        this.store = store;
        this.faces = faces;
        this.gateways = gateways;
    }

    public PaymentSettings get(Caller caller) {
        TenantId tenant = PaymentProviders.ADMIN.tenantOf(caller);
        PaymentSettings s = store.of(tenant);
        return new PaymentSettings(s.stripeFaceThreshold(), s.perPaymentLimit(), faces.of(tenant).livenessForPayments(),
                s.firstQuerySeconds(), s.queryEverySeconds(), s.payWindowSeconds(), s.reverseNotBeforeSeconds());
    }

    public PaymentSettings put(Caller caller, PaymentSettings next) {
        TenantId tenant = PaymentProviders.ADMIN.tenantOf(caller);
        if (!gateways.sandbox()) {
            next.requireProviderFloors();
        }
        store.put(tenant, next);
        FaceSettings f = faces.of(tenant);
        if (f.livenessForPayments() != next.livenessRequired()) {
            faces.put(tenant, new FaceSettings(f.matchThreshold(), f.confidentThreshold(), f.ambiguityMargin(), f.minFacePixels(),
                    f.falseAcceptsPer10k(), f.livenessForLoyalty(), next.livenessRequired(), f.minLiveness(), f.refreshFromTill()));
        }
        return get(caller);
    }
}
