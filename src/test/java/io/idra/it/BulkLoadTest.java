package io.idra.it;

import io.idra.dialect.BulkLoad;
import io.idra.dialect.Dialect;
import io.idra.dialect.Identifier;
import io.idra.dialect.MysqlDialect;
import io.idra.dialect.PostgresDialect;
import io.idra.dialect.TableInfo;
import io.idra.dialect.TableInspector;
import io.idra.model.ConnectorType;
import io.idra.model.SaveMode;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk load against the real servers, below the route: text that looks like the load format arrives as it was,
 * a failed batch leaves nothing in the staging table for the next batch on the same connection, and a MySQL
 * connection never sends a local file once it has loaded a batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkLoadTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("bulk");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    private TestDatabase db(ConnectorType engine) {
        return dbs.destination(engine == ConnectorType.POSTGRES ? Direction.PG_TO_PG : Direction.MYSQL_TO_MYSQL);
    }

    private static Dialect dialect(ConnectorType engine) {
        return engine == ConnectorType.POSTGRES ? new PostgresDialect() : new MysqlDialect();
    }

    /** A connection as a destination pool makes it: the dialect's driver settings, autocommit off. */
    private static Connection connect(TestDatabase db, Dialect dialect) throws SQLException {
        return connect(db.jdbcUrl(), db, dialect);
    }

    private static Connection connect(String url, TestDatabase db, Dialect dialect) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.server().user());
        properties.setProperty("password", db.server().password());
        properties.putAll(dialect.destinationProperties(true));
        Connection c = DriverManager.getConnection(url, properties);
        c.setAutoCommit(false);
        return c;
    }

    /** What a lone writer does with a batch: a direct load if it takes it, else the staging table. */
    private static void write(BulkLoad load, Connection c, int rows, IntFunction<Object[]> values) throws SQLException {
        if (!load.loadedDirectly(c, rows, values)) {
            load.writeStaged(c, rows, values);
        }
    }

    private static BulkLoad load(Dialect dialect, Connection c, String table, SaveMode mode) throws SQLException {
        TableInspector inspector = new TableInspector(dialect);
        TableInfo info = inspector.inspect(c, inspector.resolve(c, Identifier.table(table)).orElseThrow());
        c.rollback();
        return dialect.bulkWrites().load(info.name(), info.columns(), List.of("id"), mode, List.of(), "bulk-test");
    }

    private static List<String> values(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        c.rollback();
        return values;
    }

    @ParameterizedTest
    @EnumSource(ConnectorType.class)
    void textThatLooksLikeTheLoadFormatArrivesAsItWas(ConnectorType engine) throws SQLException {
        TestDatabase db = db(engine);
        Dialect dialect = dialect(engine);
        db.execute("CREATE TABLE look_alike (id int PRIMARY KEY, v " + (engine == ConnectorType.POSTGRES
                ? "text" : "LONGTEXT") + ")");
        List<String> texts = new ArrayList<>(Arrays.asList("\\N", "N", "NULL", "", null, "\t", "\\", "a\r\nb", "\\.",
                "\\.\n", "end\\", "tab\there", "😀 漢字 ñ", "'quoted' \"double\" `tick`"));
        if (engine == ConnectorType.MYSQL) {
            texts.add("nul\0inside");
        }
        try (Connection c = connect(db, dialect)) {
            write(load(dialect, c, "look_alike", SaveMode.UPSERT), c, texts.size(), i -> new Object[] {i, texts.get(i)});
            c.commit();
            assertThat(values(c, "SELECT v FROM look_alike ORDER BY id")).containsExactlyElementsOf(texts);
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectorType.class)
    void aFailedBatchLeavesNothingForTheNextBatchOnTheSameConnection(ConnectorType engine) throws SQLException {
        TestDatabase db = db(engine);
        Dialect dialect = dialect(engine);
        db.execute("CREATE TABLE failing (id int PRIMARY KEY, v int)");
        try (Connection c = connect(db, dialect)) {
            BulkLoad load = load(dialect, c, "failing", SaveMode.UPSERT);
            // refused by the server: by COPY on PostgreSQL, by the INSERT ... SELECT on MySQL (strict sql_mode)
            assertThatThrownBy(() -> write(load, c, 2, i -> new Object[] {i + 1, i == 0 ? "1" : "x"}))
                    .isInstanceOf(SQLException.class);
            c.rollback();
            write(load, c, 1, i -> new Object[] {3, "3"});
            c.commit();
            assertThat(values(c, "SELECT id FROM failing ORDER BY id")).containsExactly("3");

            // refused by the value checks while streaming: that error, and no part of the batch
            IllegalArgumentException check = new IllegalArgumentException("row id=5 does not fit");
            assertThatThrownBy(() -> write(load, c, 3, i -> {
                if (i == 1) {
                    throw check;
                }
                return new Object[] {4 + i, "7"};
            })).isSameAs(check);
            c.rollback();
            write(load, c, 1, i -> new Object[] {9, "9"});
            c.commit();
            assertThat(values(c, "SELECT id FROM failing ORDER BY id")).containsExactly("3", "9");
        }
    }

    static List<Arguments> enginesAndSaveModes() {
        List<Arguments> all = new ArrayList<>();
        for (ConnectorType engine : ConnectorType.values()) {
            for (SaveMode mode : SaveMode.values()) {
                all.add(Arguments.of(engine, mode));
            }
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("enginesAndSaveModes")
    void loadsStraightIntoTheDestinationUntilAKeyIsThereThenGoesThroughTheStagingTable(ConnectorType engine,
                                                                                         SaveMode mode)
            throws SQLException {
        TestDatabase db = db(engine);
        Dialect dialect = dialect(engine);
        String table = "appended_" + mode.name().toLowerCase();
        db.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, v varchar(10))",
                "INSERT INTO " + table + " VALUES (13, 'old'), (14, 'old')");
        try (Connection c = connect(db, dialect)) {
            BulkLoad load = load(dialect, c, table, mode);
            long created = stagingTablesCreated(c, engine);
            write(load, c, 5, i -> new Object[] {1 + i, "new"});
            c.commit();
            assertThat(stagingTablesCreated(c, engine)).as("no staging table for keys the destination lacks")
                    .isEqualTo(created);

            // 13 and 14 are there: the direct load is rolled back, the batch goes through the staging table, where
            // Insert skips them and Upsert updates them
            write(load, c, 10, i -> new Object[] {6 + i, "new"});
            c.commit();
            assertThat(stagingTablesCreated(c, engine)).isGreaterThan(created);
            String present = mode == SaveMode.INSERT ? "old" : "new";
            assertThat(values(c, "SELECT concat(id, ':', v) FROM " + table + " ORDER BY id")).containsExactly(
                    "1:new", "2:new", "3:new", "4:new", "5:new", "6:new", "7:new", "8:new", "9:new", "10:new",
                    "11:new", "12:new", "13:" + present, "14:" + present, "15:new");

            // the next batches take the staging table for a while, then the direct load again: all rows, once each
            for (int batch = 0; batch < BulkLoad.STAGED_AFTER_CONFLICT + 3; batch++) {
                int first = 16 + batch * 3;
                write(load, c, 3, i -> new Object[] {first + i, "b"});
                c.commit();
            }
            int last = 16 + (BulkLoad.STAGED_AFTER_CONFLICT + 3) * 3 - 1;
            assertThat(values(c, "SELECT concat(count(*), ' ', count(DISTINCT id), ' ', max(id)) FROM " + table))
                    .containsExactly(last + " " + last + " " + last);
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectorType.class)
    void anInsertBatchTheServerRefusesLeavesNothing(ConnectorType engine) throws SQLException {
        TestDatabase db = db(engine);
        Dialect dialect = dialect(engine);
        db.execute("CREATE TABLE refused (id int PRIMARY KEY, v int)");
        try (Connection c = connect(db, dialect)) {
            BulkLoad load = load(dialect, c, "refused", SaveMode.INSERT);
            // MySQL's direct load only warns about "x" (LOCAL); the staging path's INSERT ... SELECT refuses it
            assertThatThrownBy(() -> write(load, c, 3, i -> new Object[] {i + 1, i == 1 ? "x" : "1"}))
                    .isInstanceOf(SQLException.class);
            c.rollback();
            assertThat(values(c, "SELECT id FROM refused")).isEmpty();
        }
    }

    /** How many tables this session created: the staging path creates its temporary table. */
    private static long stagingTablesCreated(Connection c, ConnectorType engine) throws SQLException {
        String sql = engine == ConnectorType.POSTGRES
                ? "SELECT count(*) FROM pg_class WHERE relname LIKE 'idra_stage_%' AND relpersistence = 't'"
                + " AND pg_table_is_visible(oid)"
                // MariaDB counts temporary tables apart, MySQL with the others
                : "SHOW SESSION STATUS WHERE Variable_name IN ('Com_create_table', 'Com_create_temporary_table')";
        long count = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                count += rs.getLong(engine == ConnectorType.POSTGRES ? 1 : 2);
            }
        }
        c.rollback();
        return count;
    }

    @ParameterizedTest
    @EnumSource(ConnectorType.class)
    void aConnectionLostDuringTheLoadFailsWithTheDriversError(ConnectorType engine) throws Exception {
        TestDatabase db = db(engine);
        Dialect dialect = dialect(engine);
        db.execute("CREATE TABLE lost (id int PRIMARY KEY, v text)");
        int port = engine == ConnectorType.POSTGRES ? TestServers.postgres().port() : TestServers.mysql().port();
        try (TcpProxy proxy = new TcpProxy(port)) {
            String url = db.jdbcUrl().replace(":" + port + "/", ":" + proxy.port() + "/");
            Connection c = connect(url, db, dialect);
            BulkLoad load = load(dialect, c, "lost", SaveMode.UPSERT);
            String text = "x".repeat(200);
            assertThatThrownBy(() -> write(load, c, 100_000, i -> {
                if (i == 60_000) {
                    cut(proxy);
                }
                return new Object[] {i, text};
            })).isInstanceOf(SQLException.class);
            try {
                c.close();
            } catch (SQLException e) {
                // pgjdbc cannot say goodbye on a cut connection; the test is about the error above
            }
        }
    }

    private static void cut(TcpProxy proxy) {
        try {
            proxy.cut();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMysqlConnectionSendsNoLocalFileAfterALoad(@TempDir Path dir) throws Exception {
        TestDatabase db = db(ConnectorType.MYSQL);
        Dialect dialect = dialect(ConnectorType.MYSQL);
        db.execute("CREATE TABLE guarded (id int PRIMARY KEY, v int)", "CREATE TABLE stolen (line text)");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "password=hunter2\n");
        try (Connection c = connect(db, dialect)) {
            write(load(dialect, c, "guarded", SaveMode.INSERT), c, 1, i -> new Object[] {1, "1"});
            c.commit();
            try (Statement s = c.createStatement()) {
                // what a hostile server could ask for at any later statement
                assertThat(s.executeUpdate("LOAD DATA LOCAL INFILE '" + secret + "' INTO TABLE stolen")).isZero();
            }
            c.commit();
            assertThat(values(c, "SELECT line FROM stolen")).isEmpty();
        }
    }
}
