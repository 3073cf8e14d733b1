package io.idra.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values a destination cannot hold get the treatment docs/TYPES.md documents: the batch fails with one line naming
 * the column and the row's key, and nothing of it is written; or, for MySQL zero dates at PostgreSQL, NULL and a
 * warning. Never a driver stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnrepresentableValuesTest {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private Databases dbs;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void databases() {
        dbs = new Databases("unrep");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @BeforeEach
    void captureLog() {
        log.list.clear();
        log.start();
        ((Logger) LoggerFactory.getLogger("io.idra.sync")).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger("io.idra.sync")).detachAppender(log);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Direction.PG_TO_MYSQL, "numeric(38,10)", "DECIMAL(10,2)", "12345678901.5",
                        "12345678901.5000000000 is out of range for DECIMAL(10,2) (at most 8 digits before the point)"),
                Arguments.of(Direction.PG_TO_MYSQL, "bigint", "INT", "3000000000",
                        "3000000000 is out of range for INT (-2147483648 to 2147483647)"),
                Arguments.of(Direction.PG_TO_MYSQL, "integer", "INT UNSIGNED", "-5",
                        "-5 is out of range for INT UNSIGNED (0 to 4294967295)"),
                Arguments.of(Direction.MYSQL_TO_PG, "BIGINT UNSIGNED", "bigint", "18446744073709551615",
                        "18446744073709551615 is out of range for bigint"),
                Arguments.of(Direction.MYSQL_TO_PG, "DECIMAL(30,0)", "numeric(10,0)", "1e25",
                        "10000000000000000000000000 is out of range for numeric(10,0)"),
                Arguments.of(Direction.PG_TO_MYSQL, "double precision", "DOUBLE", "'Infinity'",
                        "Infinity cannot be stored in DOUBLE"),
                Arguments.of(Direction.PG_TO_MYSQL, "double precision", "DOUBLE", "'NaN'",
                        "NaN cannot be stored in DOUBLE"),
                Arguments.of(Direction.PG_TO_PG, "double precision", "real", "1e300",
                        "1.0E300 is out of range for real"),
                Arguments.of(Direction.PG_TO_MYSQL, "timestamptz", "TIMESTAMP(6) NULL", "'2040-01-01 00:00:00+00'",
                        "is outside MySQL's TIMESTAMP range"),
                Arguments.of(Direction.PG_TO_MYSQL, "date", "DATE", "'infinity'",
                        "infinity is outside MySQL's dates (0001-01-01 to 9999-12-31)"),
                Arguments.of(Direction.PG_TO_MYSQL, "varchar(50)", "VARCHAR(10)", "repeat('é', 30)",
                        "text of 30 characters is longer than VARCHAR(10) allows"),
                Arguments.of(Direction.MYSQL_TO_PG, "VARCHAR(50)", "varchar(10)", "repeat('é', 11)",
                        "text of 11 characters is longer than varchar(10) allows"),
                Arguments.of(Direction.MYSQL_TO_PG, "TIME", "time", "'838:59:59'",
                        "time 838:59:59.000000 is not a time of day as PostgreSQL's time holds"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @MethodSource("refused")
    void aValueTheColumnCannotHoldFailsItsBatchNamingColumnAndKey(Direction direction, String sourceType,
            String destinationType, String literal, String reason, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = "r" + TABLES.incrementAndGet();
        source.execute("CREATE TABLE " + table + " (id integer PRIMARY KEY, v " + sourceType + ")",
                "INSERT INTO " + table + " (id, v) VALUES (1, NULL), (2, " + literal + ")");
        destination.execute("CREATE TABLE " + table + " (id integer PRIMARY KEY, v " + destinationType + ")");

        String error = new SyncRunner(dir).once(sync(table, source, destination)).error(table);

        assertThat(error).startsWith("sync '" + table + "': writing a batch: row id=2, column 'v': ")
                .contains(reason).endsWith("; the batch was not written (docs/TYPES.md)").doesNotContain("\n");
        assertThat(destination.count(table)).isZero();
    }

    @Test
    void textWithANulCharacterCannotGoToPostgres(@TempDir Path dir) throws SQLException {
        TestDatabase source = dbs.source(Direction.MYSQL_TO_PG);
        TestDatabase destination = dbs.destination(Direction.MYSQL_TO_PG);
        source.execute("CREATE TABLE nul (id integer PRIMARY KEY, note varchar(20))");
        List<String> notes = List.of("ok", "a\0b", "c");
        try (Connection c = source.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO nul VALUES (?, ?)")) {
            for (int i = 0; i < notes.size(); i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, notes.get(i));
                ps.executeUpdate();
            }
        }
        destination.execute("CREATE TABLE nul (id integer PRIMARY KEY, note varchar(20))");

        String error = new SyncRunner(dir).once(sync("nul", source, destination)).error("nul");

        assertThat(error).isEqualTo("sync 'nul': writing a batch: row id=2, column 'note': text contains a NUL"
                + " character (0x00), which PostgreSQL cannot store; the batch was not written (docs/TYPES.md)");
        assertThat(destination.count("nul")).isZero();
    }

    @Test
    void mysqlZeroDatesArriveAtPostgresAsNullWithAWarning(@TempDir Path dir) throws SQLException {
        TestDatabase source = dbs.source(Direction.MYSQL_TO_PG);
        TestDatabase destination = dbs.destination(Direction.MYSQL_TO_PG);
        createZeroDates(source, "zero_pg");
        destination.execute("CREATE TABLE zero_pg (id integer PRIMARY KEY, d date, dt timestamp(6), ts timestamptz)");

        new SyncRunner(dir).onceOk(sync("zero_pg", source, destination));

        assertThat(destination.canonicalRows("SELECT id, d, dt, ts FROM zero_pg ORDER BY id")).containsExactly(
                List.of("1", "NULL", "NULL", "NULL"),
                List.of("2", "2024-05-01", "2024-05-01T10:00:00.500000", "2024-05-01T10:00:00.000000Z"),
                List.of("3", "NULL", "NULL", "NULL"));
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .contains("sync 'zero_pg': column 'd': 2 value(s) stored as NULL: MySQL zero date '0000-00-00' has"
                        + " no PostgreSQL value (first in row id=1)")
                .anyMatch(m -> m.startsWith("sync 'zero_pg': column 'ts': 1 value(s) stored as NULL"));
    }

    @Test
    void mysqlZeroDatesStayZeroDatesInMysql(@TempDir Path dir) throws SQLException {
        TestDatabase source = dbs.source(Direction.MYSQL_TO_MYSQL);
        TestDatabase destination = dbs.destination(Direction.MYSQL_TO_MYSQL);
        createZeroDates(source, "zero_my");
        createZeroDates(destination, "zero_my");
        destination.execute("DELETE FROM zero_my");

        new SyncRunner(dir).onceOk(sync("zero_my", source, destination));

        String asText = "SELECT id, CAST(d AS CHAR), CAST(dt AS CHAR), CAST(ts AS CHAR) FROM zero_my ORDER BY id";
        assertThat(destination.canonicalRows(asText)).isEqualTo(source.canonicalRows(asText))
                .contains(List.of("1", "0000-00-00", "0000-00-00 00:00:00.000000", "0000-00-00 00:00:00"));
    }

    @Test
    void mysqlTimesBeyondADayFitAnIntervalAndMysqlTime(@TempDir Path dir) {
        TestDatabase my = dbs.source(Direction.MYSQL_TO_PG);
        TestDatabase pg = dbs.destination(Direction.MYSQL_TO_PG);
        TestDatabase myDestination = dbs.destination(Direction.MYSQL_TO_MYSQL);
        my.execute("CREATE TABLE hours (id integer PRIMARY KEY, t TIME(6))",
                "INSERT INTO hours VALUES (1, '838:59:59'), (2, '-12:00:00'), (3, '25:00:00.5'), (4, '10:00:00'),"
                        + " (5, '-838:59:59'), (6, NULL)");
        pg.execute("CREATE TABLE hours (id integer PRIMARY KEY, t interval)");
        myDestination.execute("CREATE TABLE hours (id integer PRIMARY KEY, t TIME(6))");
        SyncRunner runner = new SyncRunner(dir);

        runner.onceOk(sync("hours", my, pg));
        runner.onceOk(SyncJson.sync("hours_my", Mode.FULL_WITH_ID, my, myDestination).table("hours"));

        assertThat(pg.canonicalRows("SELECT id, t::text FROM hours ORDER BY id").stream().map(r -> r.get(1)))
                .containsExactly("838:59:59", "-12:00:00", "25:00:00.5", "10:00:00", "-838:59:59", "NULL");
        String asText = "SELECT id, CAST(t AS CHAR) FROM hours ORDER BY id";
        assertThat(myDestination.canonicalRows(asText)).isEqualTo(my.canonicalRows(asText));
    }

    private static SyncJson sync(String table, TestDatabase source, TestDatabase destination) {
        return SyncJson.sync(table, Mode.FULL_WITH_ID, source, destination).table(table);
    }

    /** Zero and partly zero dates need a session that allows them; MariaDB's default sql_mode does. */
    private static void createZeroDates(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''");
            s.execute("CREATE TABLE " + table + " (id integer PRIMARY KEY, d DATE, dt DATETIME(6), ts TIMESTAMP NULL)");
            s.execute("INSERT INTO " + table + " VALUES (1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00'),"
                    + " (2, '2024-05-01', '2024-05-01 10:00:00.5', '2024-05-01 10:00:00'),"
                    + " (3, '2024-00-10', '2024-05-00 10:00:00', NULL)");
        }
    }
}
