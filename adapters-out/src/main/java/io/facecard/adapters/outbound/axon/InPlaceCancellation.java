package io.facecard.adapters.outbound.axon;

import io.facecard.domain.loyalty.NamedDeadline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Cancels one deadline with one statement in the command's transaction, and never fails the command.
 *
 * <p>db-scheduler's own cancel reads the row, refuses if it is being executed and then deletes it by
 * version; Axon runs it when the command's unit of work prepares to commit. A hold captured in the
 * second its deadline is picked then failed the till's completion. Here a deadline already picked is
 * left to run: its handler finds the hold gone and does nothing. A {@link NamedDeadline} is filed
 * under its own key, so its scope cancels it by that key. Everything else goes to the delegate.
 */
final class InPlaceCancellation implements DeadlineManager {
    private final DeadlineManager delegate;
    private final DataSource dataSource;
    private final String taskName;

    InPlaceCancellation(DeadlineManager delegate, DataSource dataSource, String taskName) {
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.taskName = taskName;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        update("delete from scheduled_tasks where task_name = ? and task_instance = ? and not picked", taskName, scheduleId);
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor deadlineScope) {
        String id = delegate.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        Object payload = messageOrPayload instanceof Message<?> m ? m.getPayload() : messageOrPayload;
        if (!(payload instanceof NamedDeadline named)) {
            return id;
        }
        // db-scheduler names the row after an id Axon generates, and Axon inserts it when the unit of
        // work prepares to commit; the row is renamed right after, in the same transaction (the task's
        // data does not contain the name, so its execution is unchanged).
        Runnable rename = () -> rename(id, named.key());
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(u -> rename.run());
        } else {
            rename.run();
        }
        return named.key();
    }

    /** Files the stored row under the deadline's own key. */
    private void rename(String generated, String key) {
        if (update("update scheduled_tasks set task_instance = ? where task_name = ? and task_instance = ?", key, taskName,
                generated) != 1) {
            throw new IllegalStateException("deadline " + generated + " was not stored, so it cannot be named " + key);
        }
    }

    /**
     * One statement on the JTA DataSource, which hands out the connection of the caller's transaction:
     * it commits or rolls back with the command.
     */
    private int update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deadline store: " + sql, e);
        }
    }

    /** A {@link NamedDeadline}'s name is its row's key: one keyed delete instead of a scan of every schedule. */
    @Override
    public void cancelAll(String deadlineName) {
        if (deadlineName.startsWith(NamedDeadline.PREFIX)) {
            cancelSchedule(deadlineName, deadlineName);
        } else {
            delegate.cancelAll(deadlineName);
        }
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        delegate.cancelAllWithinScope(deadlineName, scope);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerHandlerInterceptor(interceptor);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
