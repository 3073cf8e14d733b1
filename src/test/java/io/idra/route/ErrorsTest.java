package io.idra.route;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorsTest {

    private static final String POOL_TIMEOUT =
            "idra-source-1 - Connection is not available, request timed out after 10000ms (total=0, active=0)";

    @Test
    void thePoolsBareTimeoutIsSaidInWords() {
        assertThat(Errors.firstLine(new SQLTransientConnectionException(POOL_TIMEOUT))).isEqualTo("no connection"
                + " within 10 s: the server accepted the connection but did not answer, or every pooled connection"
                + " stayed busy");
    }

    @Test
    void thePoolsTimeoutAfterAFailedAttemptGivesTheDriversReason() {
        SQLException driver = new SQLException("Connection to 127.0.0.1:1 refused.", new ConnectException(
                "Connection refused"));

        assertThat(Errors.firstLine(new SQLTransientConnectionException(POOL_TIMEOUT, driver)))
                .isEqualTo("Connection refused");
    }

    @Test
    void aDriversOwnTransientConnectionErrorKeepsItsWords() {
        SQLTransientConnectionException driver = new SQLTransientConnectionException("Lock wait timeout exceeded") {
        };

        assertThat(Errors.firstLine(driver)).isEqualTo("Lock wait timeout exceeded");
    }

    @Test
    void ourOwnMessageWinsOverItsCause() {
        SyncException own = new SyncException("source_connector.query", "the query fails: x", new SQLException("y"));

        assertThat(Errors.forSync("s", "reading the offset", new RuntimeException(own)))
                .isEqualTo("sync 's': source_connector.query: the query fails: x");
    }
}
