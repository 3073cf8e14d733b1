package io.idra.testdb;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestServersTest {

    /** The same logical rows as both engines store them; the NULL row checks that every type reads NULL alike. */
    private static final String ROWS = "(1, 9007199254740993, 1234567890.50, 'perché 😀', 'line one\nline two', TRUE,"
            + " '2024-02-29', '2024-01-02 03:04:05.123456'),"
            + " (2, -1, 0.00, '', '', FALSE, '1970-01-01', '1999-12-31 23:59:59.000001'),"
            + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL)";
    private static final String SELECT = "SELECT id, big, amount, label, body, active, day, at FROM sample ORDER BY id";

    @Test
    void sameLogicalRowReadsEqualOnPostgresAndMysql() {
        try (TestDatabase pg = TestServers.postgres().createDatabase("servers");
             TestDatabase my = TestServers.mysql().createDatabase("servers")) {
            pg.execute("CREATE TABLE sample (id int PRIMARY KEY, big bigint, amount decimal(12,2), label varchar(40),"
                            + " body text, active boolean, day date, at timestamp(6))",
                    "INSERT INTO sample VALUES " + ROWS);
            my.execute("CREATE TABLE sample (id int PRIMARY KEY, big bigint, amount decimal(12,2), label varchar(40),"
                            + " body text, active boolean, day date, at datetime(6))",
                    "INSERT INTO sample VALUES " + ROWS);

            List<List<String>> fromPostgres = pg.canonicalRows(SELECT);
            assertThat(my.canonicalRows(SELECT)).isEqualTo(fromPostgres);
            assertThat(fromPostgres).containsExactly(
                    List.of("1", "9007199254740993", "1234567890.5", "perché 😀", "line one\nline two", "true",
                            "2024-02-29", "2024-01-02T03:04:05.123456"),
                    List.of("2", "-1", "0", "", "", "false", "1970-01-01", "1999-12-31T23:59:59.000001"),
                    List.of("3", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL"));
            assertThat(pg.count("sample")).isEqualTo(3);
            assertThat(my.count("sample")).isEqualTo(3);
        }
    }

    @Test
    void closeDropsTheDatabaseEvenWithAConnectionLeftOpen() throws SQLException {
        for (Server server : List.of(TestServers.postgres(), TestServers.mysql())) {
            TestDatabase database = server.createDatabase("drop");
            assertThat(database.name()).matches("idra_drop_[a-z0-9]{8}");
            assertThat(exists(server, database.name())).as("created on %s", server).isTrue();
            try (Connection leftOpen = database.connect()) {
                database.close();
                assertThat(exists(server, database.name())).as("dropped on %s", server).isFalse();
            }
            database.close();
        }
    }

    @Test
    void connectionStringsNameTheDatabase() {
        try (TestDatabase pg = TestServers.postgres().createDatabase("dsn");
             TestDatabase my = TestServers.mysql().createDatabase("dsn")) {
            assertThat(pg.idraConnectionString()).isEqualTo(pg.libpqDsn())
                    .startsWith("host=" + pg.server().host() + " port=" + pg.server().port() + " user=")
                    .contains(" dbname=" + pg.name() + " sslmode=disable");
            assertThat(my.idraConnectionString()).isEqualTo(my.goDsn())
                    .endsWith("@tcp(" + my.server().host() + ":" + my.server().port() + ")/" + my.name()
                            + "?charset=utf8mb4&parseTime=True&loc=Local");
            assertThat(pg.jdbcUrl()).contains("/" + pg.name());
            assertThat(pg.quote("a\"b")).isEqualTo("\"a\"\"b\"");
            assertThat(my.quote("a`b")).isEqualTo("`a``b`");
        }
    }

    private static boolean exists(Server server, String database) throws SQLException {
        String sql = switch (server.kind()) {
            case POSTGRES -> "SELECT 1 FROM pg_database WHERE datname = ?";
            case MYSQL -> "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
        };
        try (Connection connection = server.connect(server.adminJdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, database);
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next();
            }
        }
    }
}
