package io.facecard.adapters.out.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's view of the container's JTA transactions. Work that already runs in a transaction
 * (a use case annotated {@code @Transactional}) joins it, so the events, the aggregate's
 * sequence check and the subscribing projections commit or roll back together.
 */
public final class JtaTransactionManager implements TransactionManager {
    private final UserTransaction userTransaction;

    public JtaTransactionManager(UserTransaction userTransaction) {
        this.userTransaction = userTransaction;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (userTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
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
                try {
                    userTransaction.setRollbackOnly();
                } catch (IllegalStateException | SystemException e) {
                    throw new IllegalStateException("could not mark the JTA transaction for rollback", e);
                }
            }
        };
    }
}
