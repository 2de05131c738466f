package io.facecard.adapters.outbound.persistence;

import io.facecard.domain.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Binds the current transaction to one tenant for PostgreSQL row-level security
 * ({@code app.tenant_id}, transaction-local). Adapters marked {@link TenantBound} are bound by its interceptor;
 * a method that works through several tenants in one transaction calls it itself. The binding is remembered
 * per transaction so it costs one round trip, not one per query.
 */
@ApplicationScoped
public class TenantBinding {
    private static final String KEY = TenantBinding.class.getName();

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Whether a transaction is active on this thread (a binding lives only as long as its transaction). */
    public boolean inTransaction() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    public void bind(EntityManager em, TenantId tenant) {
        Object bound = transactions.getResource(KEY);
        if (tenant.equals(bound)) {
            return;
        }
        Jdbc.query(em, "select set_config('app.tenant_id', ?, true)", r -> r.getString(1), tenant.toString());
        transactions.putResource(KEY, tenant);
    }

    /**
     * Records that the caller's own statement bound the transaction, through {@link #SET_IN_FROM}
     * with the tenant as its last parameter: the first statement of a till's call saves a round trip.
     */
    public void boundBy(TenantId tenant) {
        transactions.putResource(KEY, tenant);
    }

    /** A FROM item that binds the tenant (its one parameter) before the statement's rows are produced. */
    public static final String SET_IN_FROM = "(select set_config('app.tenant_id', ?, true)) bound";
}
