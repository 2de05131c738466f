package io.facecard.adapters.outbound.crm;

import io.facecard.application.crm.port.MemberProfiles;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The members' read model as CRM payloads show it: contact and identity fields and the tier; nothing of an erased member. */
@ApplicationScoped
public class DirectoryProfiles implements MemberProfiles {
    @Inject
    MemberDirectory directory;

    @Override
    @Transactional
    public Optional<Map<String, Object>> personalData(TenantId tenant, MemberId member) {
        return directory.find(tenant, member).filter(m -> !m.erased() && m.data() != null).map(m -> {
            PersonalData p = m.data();
            Map<String, Object> out = new LinkedHashMap<>();
            put(out, "name", p.name());
            put(out, "email", p.email());
            put(out, "phone", p.phone());
            put(out, "cardNumber", p.cardNumber());
            put(out, "externalId", p.externalId());
            put(out, "locale", p.locale());
            put(out, "birthDate", p.birthDate() == null ? null : p.birthDate().toString());
            put(out, "tier", m.tier());
            return out;
        });
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
