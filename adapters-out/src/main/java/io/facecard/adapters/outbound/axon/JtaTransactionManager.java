package io.facecard.adapters.outbound.axon;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's view of the container's JTA transactions. Work that already runs in a transaction
 * (a use case annotated {@code @Transactional}) joins it, so the events, the aggregate's
 * sequence check and the subscribing projections commit or roll back together.
 *
 * <p>The surrounding transaction is detected through the synchronization registry: JTA forbids
 * touching {@link UserTransaction} inside a {@code @Transactional} method.
 */
public final class JtaTransactionManager implements TransactionManager {
    private final UserTransaction userTransaction;
    private final TransactionSynchronizationRegistry registry;

    public JtaTransactionManager(UserTransaction userTransaction, TransactionSynchronizationRegistry registry) {
        this.userTransaction = userTransaction;
        this.registry = registry;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
                return joined();
            }
            userTransaction.begin();
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        if (userTransaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                            userTransaction.rollback();
                        } else {
                            userTransaction.commit();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("could not commit the JTA transaction", e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        userTransaction.rollback();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not roll back the JTA transaction", e);
                    }
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("could not start a JTA transaction", e);
        }
    }

    private Transaction joined() {
        return new Transaction() {
            @Override
            public void commit() {
                // the owner of the surrounding transaction commits it
            }

            @Override
            public void rollback() {
                registry.setRollbackOnly();
            }
        };
    }
}
