package io.facecard.adapters.inbound.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {
    @Test
    void aRefusedOrLostConnectionOrAnEmptyPoolIsUnavailability() {
        assertThat(DatabaseUnavailable.is(new IllegalStateException("tx", new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.is(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.is(new SQLTransientConnectionException("pool wait timed out"))).isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("too many clients", "53300"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.is(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
    }
}
