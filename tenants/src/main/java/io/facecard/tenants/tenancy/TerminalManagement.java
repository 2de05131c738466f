package io.facecard.tenants.tenancy;

import static io.facecard.application.problem.Validation.required;
import static io.facecard.application.problem.Validation.requiredText;
import static io.facecard.application.security.Role.STORE_MANAGER;
import static io.facecard.application.security.Role.TENANT_ADMIN;

import io.facecard.application.security.Caller;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Stores;
import io.facecard.tenants.tenancy.port.Terminal;
import io.facecard.tenants.tenancy.port.Terminals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Registers tills, kiosks, apps and cameras of a store, and revokes their keys. */
@ApplicationScoped
@Transactional
public class TerminalManagement {
    public record TerminalDraft(TerminalKind kind, String name) {}

    /** The only moment the key exists outside the terminal: the caller must keep it. */
    public record RegisteredTerminal(Terminal terminal, String apiKey) {}

    private Stores stores;
    private Terminals terminals;
    private Clock clock;
    private RecentTerminals recent;

    /** For the CDI client proxy only. */
    protected TerminalManagement() {}

    @Inject
    public TerminalManagement(Stores stores, Terminals terminals, Clock clock, RecentTerminals recent) {
        this.stores = stores;
        this.terminals = terminals;
        this.clock = clock;
        this.recent = recent;
    }

    public RegisteredTerminal register(Caller caller, UUID storeId, TerminalDraft draft) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN, STORE_MANAGER);
        requireStore(caller, tenant, storeId);
        TerminalKind kind = required(draft.kind(), "kind");
        String name = requiredText(draft.name(), "name", 200);
        String key = ApiKeys.newKey();
        Terminal t = new Terminal(UUID.randomUUID(), tenant, storeId, kind, name,
                ApiKeys.hash(key), ApiKeys.displayPrefix(key), clock.instant(), null);
        terminals.add(t);
        return new RegisteredTerminal(t, key);
    }

    public List<Terminal> list(Caller caller, UUID storeId) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN, STORE_MANAGER);
        requireStore(caller, tenant, storeId);
        return terminals.list(tenant, storeId);
    }

    public void revoke(Caller caller, UUID storeId, UUID terminalId) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN, STORE_MANAGER);
        Terminal t = terminals.find(tenant, storeId, terminalId).filter(x -> caller.worksIn(storeId))
                .orElseThrow(() -> Refusal.notFound("terminal " + terminalId));
        if (!t.revoked()) {
            terminals.revoke(tenant, terminalId, clock.instant());
            recent.forgetAll();
        }
    }

    /** A terminal asking who it is: proves the key works and which store it is bound to. */
    public Terminal self(Caller caller) {
        if (!(caller instanceof Caller.Terminal me)) {
            throw Refusal.forbidden("only a terminal may ask this");
        }
        return terminals.find(me.tenantId(), me.storeId(), me.terminalId())
                .orElseThrow(() -> Refusal.notFound("terminal " + me.terminalId()));
    }

    /** A store manager bound to stores manages only their tills: another store is as unknown as another tenant's. */
    private void requireStore(Caller caller, TenantId tenant, UUID storeId) {
        if (!caller.worksIn(storeId) || stores.find(tenant, storeId).isEmpty()) {
            throw Refusal.notFound("store " + storeId);
        }
    }
}
