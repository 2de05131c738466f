package io.facecard.application.membership;

import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.membership.port.ErasureHook;
import io.facecard.application.membership.port.IdentifierClaims;
import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.membership.port.MemberKeys;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.application.problem.Validation;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.ConsentSource;
import io.facecard.domain.membership.MemberCommands;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.refusal.Rule;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Members and their consents; erasure and export (GDPR art. 15, 17, 20). */
@ApplicationScoped
@Transactional
public class Members implements MemberAccess {

    /**
     * Browsing the directory (no filter, or free text): staff only. A till looks a customer up by one identifier
     * (card, phone, e-mail, external id) or by face; it never lists members.
     */
    public static final Permit LIST = new Permit(
            Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER, Role.CASHIER), Set.of());
    /**
     * Everything held about a member (GDPR art. 15 and 20): the chain's admin and store managers, and the chain's
     * app on the member's own behalf; never a till or a kiosk, which any passer-by can stand at.
     */
    /**
     * Erasure cannot be undone: the chain's admin and store managers on a member's request, and the chain's app on the
     * member's own; not a till, a kiosk or a cashier's account.
     */
    public static final Permit ERASE = new Permit(
            Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER), Set.of(TerminalKind.APP));

    public static final Permit EXPORT = new Permit(
            Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER), Set.of(TerminalKind.APP));

    public record Export(MemberView member, List<MemberDirectory.ConsentEntry> consents, List<FaceTemplates.FaceRecord> faces) {}

    private CommandGateway commands;
    private MemberDirectory directory;
    private MemberKeys keys;
    private IdentifierClaims claims;
    private FaceTemplates templates;
    private Clock clock;
    private Iterable<ErasureHook> erasureHooks;

    /** For the CDI client proxy only. */
    protected Members() {}

    @Inject
    public Members(CommandGateway commands, MemberDirectory directory, MemberKeys keys, IdentifierClaims claims, FaceTemplates templates,
            Clock clock, Instance<ErasureHook> erasureHooks) {
        this.commands = commands;
        this.directory = directory;
        this.keys = keys;
        this.claims = claims;
        this.templates = templates;
        this.clock = clock;
        this.erasureHooks = erasureHooks;
    }

    /** With the erasure hooks as a plain list (tests of one class). */
    Members(CommandGateway commands, MemberDirectory directory, MemberKeys keys, IdentifierClaims claims, FaceTemplates templates,
            Clock clock, Iterable<ErasureHook> erasureHooks) {
        this.commands = commands;
        this.directory = directory;
        this.keys = keys;
        this.claims = claims;
        this.templates = templates;
        this.clock = clock;
        this.erasureHooks = erasureHooks;
    }

    public MemberView register(Caller caller, PersonalData draft) {
        TenantId tenant = PERMIT.tenantOf(caller);
        PersonalData data = MemberRules.normalised(draft);
        homeStore(tenant, data);
        MemberId id = new MemberId(UUID.randomUUID());
        claim(tenant, id, null, data);
        byte[] key = keys.create(tenant, id);
        commands.sendAndWait(new MemberCommands.RegisterMember(id, tenant, Sealing.seal(data, key, id.toString()), caller.actor(), clock.instant()));
        return get(caller, id);
    }

    public MemberView change(Caller caller, MemberId id, PersonalData patch) {
        TenantId tenant = PERMIT.tenantOf(caller);
        MemberView current = living(tenant, id);
        PersonalData d = current.data();
        PersonalData data = MemberRules.normalised(new PersonalData(
                patch.name() != null ? patch.name() : d.name(), patch.phone() != null ? patch.phone() : d.phone(),
                patch.email() != null ? patch.email() : d.email(), patch.cardNumber() != null ? patch.cardNumber() : d.cardNumber(),
                patch.birthDate() != null ? patch.birthDate() : d.birthDate(), patch.gender() != null ? patch.gender() : d.gender(),
                patch.locale() != null ? patch.locale() : d.locale(),
                patch.externalId() != null ? patch.externalId() : d.externalId(),
                patch.timezone() != null ? patch.timezone() : d.timezone(),
                patch.homeStoreId() != null ? patch.homeStoreId() : d.homeStoreId()));
        homeStore(tenant, data);
        claim(tenant, id, d, data);
        byte[] key = keys.find(tenant, id).orElseThrow(() -> Refusal.notFound("member " + id));
        commands.sendAndWait(new MemberCommands.ChangeProfile(id, Sealing.seal(data, key, id.toString()), caller.actor(), clock.instant()));
        return get(caller, id);
    }

    @Override
    public MemberView get(Caller caller, MemberId id) {
        TenantId tenant = PERMIT.tenantOf(caller);
        return directory.find(tenant, id).orElseThrow(() -> Refusal.notFound("member " + id));
    }

    public List<MemberView> search(Caller caller, Map<String, String> by, String text, int offset, int limit) {
        TenantId tenant = PERMIT.tenantOf(caller);
        if (by.size() > 1 || (by.size() == 1 && text != null)) {
            throw Refusal.invalid("search by one of phone, cardNumber, email, externalId or q at a time");
        }
        if (by.size() == 1) {
            var e = by.entrySet().iterator().next();
            if (e.getKey().equals("externalId")) { // not a read-model column lookup: the claim names the holder
                String id = Validation.requiredText(e.getValue(), "externalId", 64);
                return claims.holder(tenant, IdentifierClaims.Kind.EXTERNAL, id).flatMap(m -> directory.find(tenant, m))
                        .filter(m -> !m.erased()).stream().toList();
            }
            String value = switch (e.getKey()) {
                case "phone" -> MemberRules.phone(e.getValue());
                case "email" -> MemberRules.email(e.getValue());
                default -> MemberRules.card(e.getValue());
            };
            return directory.findBy(tenant, e.getKey(), value).stream().toList();
        }
        LIST.tenantOf(caller);
        if (text != null && text.strip().length() < 2) {
            throw Refusal.invalid("'q' needs at least 2 characters");
        }
        return directory.search(tenant, text == null ? null : text.strip(), offset, limit);
    }

    public List<MemberDirectory.ConsentEntry> recordConsent(Caller caller, MemberId id, ConsentPurpose purpose, Boolean granted,
            String policyVersion, ConsentSource source) {
        TenantId tenant = PERMIT.tenantOf(caller);
        living(tenant, id);
        if (purpose == null || granted == null || source == null) {
            throw Refusal.invalid("'purpose', 'granted' and 'source' are required");
        }
        String version = Validation.requiredText(policyVersion, "policyVersion", 64);
        commands.sendAndWait(new MemberCommands.RecordConsent(id, purpose, granted, version, source, caller.actor(), clock.instant()));
        return directory.consents(tenant, id);
    }

    public List<MemberDirectory.ConsentEntry> consents(Caller caller, MemberId id) {
        TenantId tenant = PERMIT.tenantOf(caller);
        get(caller, id);
        return directory.consents(tenant, id);
    }

    /** Faces go first (in the same transaction), then the key: after this no event can be read as personal data. */
    public void erase(Caller caller, MemberId id) {
        TenantId tenant = ERASE.tenantOf(caller);
        MemberView m = get(caller, id);
        if (m.erased()) {
            return;
        }
        commands.sendAndWait(new MemberCommands.EraseMember(id, caller.actor(), clock.instant()));
        erasureHooks.forEach(h -> h.erase(tenant, id));
        keys.destroy(tenant, id);
        claims.releaseAll(tenant, id);
    }

    public Export export(Caller caller, MemberId id) {
        TenantId tenant = EXPORT.tenantOf(caller);
        return new Export(get(caller, id), directory.consents(tenant, id), templates.of(tenant, id));
    }

    private void homeStore(TenantId tenant, PersonalData data) {
        if (data.homeStoreId() != null && !directory.hasStore(tenant, UUID.fromString(data.homeStoreId()))) {
            throw Refusal.invalid("'homeStoreId' is not a store of this tenant");
        }
    }

    MemberView living(TenantId tenant, MemberId id) {
        MemberView m = directory.find(tenant, id).orElseThrow(() -> Refusal.notFound("member " + id));
        if (m.erased()) {
            throw new Refusal(MembershipRule.MEMBER_ERASED, "the member has been erased");
        }
        return m;
    }

    /**
     * Takes the member's identifiers on the command side (released again where a change replaced
     * them): a value another member holds is refused, whatever the read model shows yet.
     */
    private void claim(TenantId tenant, MemberId member, PersonalData before, PersonalData after) {
        claim(tenant, member, IdentifierClaims.Kind.PHONE, before == null ? null : before.phone(), after.phone(),
                MembershipRule.DUPLICATE_PHONE, "phone");
        claim(tenant, member, IdentifierClaims.Kind.EMAIL, before == null ? null : before.email(), after.email(),
                MembershipRule.DUPLICATE_EMAIL, "email");
        claim(tenant, member, IdentifierClaims.Kind.CARD, before == null ? null : before.cardNumber(), after.cardNumber(),
                MembershipRule.DUPLICATE_CARD, "cardNumber");
        claim(tenant, member, IdentifierClaims.Kind.EXTERNAL, before == null ? null : before.externalId(), after.externalId(),
                MembershipRule.DUPLICATE_EXTERNAL_ID, "externalId");
    }

    private void claim(TenantId tenant, MemberId member, IdentifierClaims.Kind kind, String before, String after, Rule taken,
            String field) {
        if (after == null || after.equals(before)) {
            return;
        }
        if (claims.claim(tenant, kind, after, member).isPresent()) {
            throw new Refusal(taken, "another member has this " + field);
        }
        if (before != null) {
            claims.release(tenant, kind, before, member);
        }
    }
}
