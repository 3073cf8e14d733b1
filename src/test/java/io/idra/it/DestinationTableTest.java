package io.idra.it;

import io.idra.model.ConnectorType;
import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Destination tables (docs/TYPES.md): a missing one is created from the source's columns with the key as its
 * primary key, unless the destination attribute create_table is "false"; a source column missing at the
 * destination is reported before any row is written, or added when add_missing_columns is "true".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DestinationTableTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("dsttable");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Direction.class)
    void aMissingTableIsCreatedWithEveryTypeAndTheKeyAsPrimaryKey(Direction direction, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = ("created_" + direction).toLowerCase(Locale.ROOT);
        TypeCases.create(source, table);
        TypeCases.insert(source, table);

        new SyncRunner(dir).onceOk(TypeFidelityTest.sync(table, direction, source, destination));

        assertThat(TypeCases.differences(source, TypeFidelityTest.sourceZone(direction), destination,
                TypeFidelityTest.destinationZone(direction), table)).isEmpty();
        assertThat(primaryKey(destination, table)).containsExactly("id");
    }

    @Test
    void aCompositeKeyOfTextBecomesThePrimaryKeyOnMysql(@TempDir Path dir) {
        TestDatabase pg = dbs.source(Direction.PG_TO_MYSQL);
        TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
        pg.execute("CREATE TABLE pairs (region text, n integer, label varchar(40), PRIMARY KEY (region, n))",
                "INSERT INTO pairs SELECT 'r' || (i % 3), i, 'label ' || i FROM generate_series(1, 20) i");

        new SyncRunner(dir).onceOk(SyncJson.sync("pairs", Mode.FULL_WITH_ID, pg, my).table("pairs").key("region,n"));

        String rows = "SELECT region, n, label FROM pairs ORDER BY region, n";
        assertThat(my.canonicalRows(rows)).isEqualTo(pg.canonicalRows(rows)).hasSize(20);
        assertThat(primaryKey(my, "pairs")).containsExactly("region", "n");
    }

    @Test
    void createTableFalseLeavesAMissingTableAnError(@TempDir Path dir) {
        TestDatabase source = dbs.source(Direction.MYSQL_TO_PG);
        TestDatabase destination = dbs.destination(Direction.MYSQL_TO_PG);
        SampleTable.create(source, "not_created");
        SampleTable.insert(source, "not_created", 1, 5, SampleTable.BASE);
        SyncJson sync = SyncJson.sync("not_created", Mode.FULL_WITH_ID, source, destination).table("not_created")
                .destinationAttribute("create_table", "false");

        String error = new SyncRunner(dir).once(sync).error("not_created");

        assertThat(error).startsWith("sync 'not_created': destination_connector.table: table 'not_created' does not"
                + " exist in ").endsWith(" (the destination attribute create_table is \"false\")");
        assertThat(primaryKey(destination, "not_created")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Direction.class)
    void missingColumnsAreAddedWhenTheAttributeSaysSo(Direction direction, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = ("added_" + direction).toLowerCase(Locale.ROOT);
        SampleTable.create(source, table);
        SampleTable.insert(source, table, 1, 30, SampleTable.BASE);
        SampleTable.create(destination, table);
        destination.execute("ALTER TABLE " + destination.quote(table) + " DROP COLUMN amount, DROP COLUMN note");
        SyncJson sync = SyncJson.sync(table, Mode.TIMESTAMP, source, destination).table(table).timestamp("ts")
                .destinationAttribute("add_missing_columns", "true");

        assertThat(new SyncRunner(dir).onceOk(sync)).isEqualTo(30);

        assertThat(SampleTable.rows(destination, table)).isEqualTo(SampleTable.rows(source, table));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Direction.class)
    void missingColumnsAreReportedBeforeAnyRowIsWritten(Direction direction, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = ("lacking_" + direction).toLowerCase(Locale.ROOT);
        SampleTable.create(source, table);
        SampleTable.insert(source, table, 1, 30, SampleTable.BASE);
        SampleTable.create(destination, table);
        destination.execute("ALTER TABLE " + destination.quote(table) + " DROP COLUMN amount, DROP COLUMN note");

        String error = new SyncRunner(dir).once(SyncJson.sync(table, Mode.FULL_WITH_ID, source, destination)
                .table(table)).error(table);

        assertThat(error).isEqualTo("sync '" + table + "': destination_connector.table: destination table '" + table
                + "' lacks the source column(s) amount, note; add them, or set the destination attribute"
                + " add_missing_columns to \"true\" to have them added");
        assertThat(destination.count(table)).isZero();
    }

    /** The primary key's columns in key order, or none when the table does not exist. */
    private static List<String> primaryKey(TestDatabase db, String table) {
        boolean postgres = db.kind() == ConnectorType.POSTGRES;
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getPrimaryKeys(postgres ? null : db.name(), postgres ? "public" : null,
                     table)) {
            Map<Integer, String> columns = new TreeMap<>();
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
            return List.copyOf(columns.values());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
