package io.facecard.tenants.tenancy;

import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import io.facecard.tenants.tenancy.port.Terminal;
import io.facecard.tenants.tenancy.port.Terminals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The database check of a terminal key: known, not revoked, and its tenant active. */
@ApplicationScoped
@Transactional
public class TerminalKeys {
    private Terminals terminals;
    private TenantDirectory directory;

    /** For the CDI client proxy only. */
    protected TerminalKeys() {}

    @Inject
    public TerminalKeys(Terminals terminals, TenantDirectory directory) {
        this.terminals = terminals;
        this.directory = directory;
    }

    public Caller.Terminal check(String keyHash) {
        Terminal t = terminals.findActiveByKeyHash(keyHash)
                .orElseThrow(() -> Refusal.unauthenticated("the terminal key is unknown or revoked"));
        Authentication.requireActive(directory, t.tenantId());
        return new Caller.Terminal(t.tenantId(), t.storeId(), t.id(), t.kind());
    }
}
