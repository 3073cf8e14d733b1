package io.idra.connect;

import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectTimeoutsTest {

    @Test
    void postgresGetsAConnectAndALoginTimeout() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.POSTGRES, "host=h user=u dbname=d", "");

        assertThat(ConnectTimeouts.defaults(target)).isEqualTo(Map.of("connectTimeout", "5", "loginTimeout", "5"));
    }

    @Test
    void mysqlGetsAConnectTimeoutInMilliseconds() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL, "u:pw@tcp(h:3306)/d", "");

        assertThat(ConnectTimeouts.defaults(target)).isEqualTo(Map.of("connectTimeout", "5000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POSTGRES | host=h user=u connect_timeout=30",
            "POSTGRES | jdbc:postgresql://h/d?loginTimeout=30",
            "MYSQL    | u:pw@tcp(h:3306)/d?timeout=30s",
            "MYSQL    | jdbc:mysql://h/d?ConnectTimeout=30000",
    })
    void aTimeoutTheConnectionStringSetsIsKept(ConnectorType type, String connectionString) {
        JdbcTarget target = ConnectionStrings.parse(type, connectionString, "");

        assertThat(ConnectTimeouts.defaults(target)).isEmpty();
    }
}
