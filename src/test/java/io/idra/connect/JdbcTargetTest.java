package io.idra.connect;

import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcTargetTest {

    private static final String SECRET = "Zq9!s3cr3t";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POSTGRES | host=localhost user=postgres password=Zq9!s3cr3t dbname=school port=5432 | postgresql://localhost:5432/school as postgres",
            "POSTGRES | postgres://app:Zq9!s3cr3t@db:5433/shop?sslmode=require                  | postgresql://db:5433/shop as app",
            "POSTGRES | jdbc:postgresql://h/db?password=Zq9!s3cr3t&ssl=true                     | postgresql://h/db",
            "MYSQL    | root:Zq9!s3cr3t@tcp(127.0.0.1:3306)/school?charset=utf8mb4              | mysql://127.0.0.1:3306/school as root",
            "MYSQL    | jdbc:mariadb://root:Zq9!s3cr3t@h/db                                     | mysql://h/db as root",
    })
    void describeAndToStringShowWhereAndWhoButNeverThePassword(ConnectorType type, String connectionString,
                                                               String expected) {
        JdbcTarget target = ConnectionStrings.parse(type, connectionString, "");

        assertThat(target.password()).isEqualTo(SECRET);
        assertThat(target.hasPassword()).isTrue();
        assertThat(target.describe()).isEqualTo(expected);
        assertThat(target.toString()).isEqualTo(expected);
        assertThat(target.jdbcUrl()).doesNotContain(SECRET);
        assertThat(target.poolKey()).doesNotContain(SECRET);
    }

    @Test
    void sameConnectionGivesTheSamePoolKey() {
        String dsn = "root:" + SECRET + "@tcp(h:3306)/db?charset=utf8mb4";

        assertThat(ConnectionStrings.parse(ConnectorType.MYSQL, dsn, "").poolKey())
                .isEqualTo(ConnectionStrings.parse(ConnectorType.MYSQL, dsn, "").poolKey());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "root:other@tcp(h:3306)/db?charset=utf8mb4",
            "root@tcp(h:3306)/db?charset=utf8mb4",
            "admin:Zq9!s3cr3t@tcp(h:3306)/db?charset=utf8mb4",
            "root:Zq9!s3cr3t@tcp(h:3307)/db?charset=utf8mb4",
            "root:Zq9!s3cr3t@tcp(h:3306)/db?charset=latin1",
            "root:Zq9!s3cr3t@tcp(h:3306)/db?charset=utf8mb4&loc=Europe%2FRome",
    })
    void anyDifferenceGivesADifferentPoolKey(String other) {
        String base = ConnectionStrings.parse(ConnectorType.MYSQL,
                "root:" + SECRET + "@tcp(h:3306)/db?charset=utf8mb4", "").poolKey();

        assertThat(ConnectionStrings.parse(ConnectorType.MYSQL, other, "").poolKey()).isNotEqualTo(base);
    }

    @Test
    void withoutUserDescribeShowsOnlyTheUrl() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL, "tcp(h:3306)/db", "");

        assertThat(target.describe()).isEqualTo("mysql://h:3306/db");
        assertThat(target.hasPassword()).isFalse();
    }

    @Test
    void collectionsAreImmutableCopiesKeepingOrder() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("z", "1");
        properties.put("a", "2");
        List<String> ignored = new ArrayList<>(List.of("k"));
        JdbcTarget target = new JdbcTarget(ConnectorType.POSTGRES, "jdbc:postgresql://h/db", "u", null,
                properties, null, ignored);
        properties.put("m", "3");
        ignored.add("j");

        assertThat(target.properties().keySet()).containsExactly("z", "a");
        assertThat(target.ignoredKeys()).containsExactly("k");
        assertThatThrownBy(() -> target.properties().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> target.ignoredKeys().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
