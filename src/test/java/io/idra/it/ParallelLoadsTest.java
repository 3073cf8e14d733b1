package io.idra.it;

import io.idra.app.OnceRun;
import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several batches of a pass in hand at once ({@code idra.write.parallel-loads}) still commit in the order they were
 * read: when a batch fails while the next has loaded, the destination holds exactly the batches before it and the
 * offset is that of the last of them, as with one writer; the next run copies the rest and nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelLoadsTest {

    private static final int ROWS = 2000;
    private static final int BATCH = 50;
    private static final int REFUSED = 1025;

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("parallel");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @ParameterizedTest
    @EnumSource(value = Direction.class, names = {"PG_TO_MYSQL", "MYSQL_TO_PG"})
    void aBatchRefusedByTheDestinationLeavesExactlyTheBatchesBeforeIt(Direction direction, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = "loads_" + direction.name().toLowerCase();
        SampleTable.create(source, table);
        BulkRows.fill(source, table, 1, ROWS, 7);
        SampleTable.create(destination, table);
        // the server refuses one row; the next batch may load meanwhile, and must not stay
        destination.execute("ALTER TABLE " + table + " ADD CONSTRAINT no_refused CHECK (id <> " + REFUSED + ")");
        SyncRunner runner = threeInHand(dir);
        SyncJson sync = insertById(table, source, destination);

        OnceRun failed = runner.once(sync);

        assertThat(failed.error(table)).startsWith("sync '" + table + "': writing a batch: ").doesNotContain("\n");
        int before = (REFUSED - 1) / BATCH * BATCH;
        assertThat(SampleTable.rows(destination, table)).as("the batches before the refused one, and nothing after")
                .isEqualTo(SampleTable.rows(source, table).subList(0, before));

        destination.execute("ALTER TABLE " + table + " DROP CONSTRAINT no_refused");
        assertThat(runner.onceOk(sync)).as("rows copied by the next run: from the saved offset on")
                .isEqualTo(ROWS - before);
        assertThat(SampleTable.rows(destination, table)).isEqualTo(SampleTable.rows(source, table)).hasSize(ROWS);
    }

    /**
     * A source whose key is not unique (a log table, a query with a join) can hand the same key to two batches in a
     * row. The later batch then waits for the earlier one's commit; the earlier one must never wait for the later.
     */
    @ParameterizedTest
    @EnumSource(value = Direction.class, names = {"PG_TO_PG", "MYSQL_TO_PG"})
    void aKeyReadTwiceAcrossBatchesIsWrittenOnceWithoutWaitingForever(Direction direction, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = "twice_" + direction.name().toLowerCase();
        source.execute("CREATE TABLE " + table + " (id integer NOT NULL, note varchar(40))");
        StringBuilder rows = new StringBuilder();
        for (int id = 1; id <= 400; id++) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(").append(id).append(", 'row ").append(id).append("')");
            if (id % BATCH == 0) {
                // the same key again: the first such pair straddles two batches, the others sit inside one
                rows.append(", (").append(id).append(", 'row ").append(id).append("')");
            }
        }
        source.execute("INSERT INTO " + table + " (id, note) VALUES " + rows);
        destination.execute("CREATE TABLE " + table + " (id integer PRIMARY KEY, note varchar(40))");

        threeInHand(dir).onceOk(insertById(table, source, destination));

        assertThat(destination.canonicalRows("SELECT id, note FROM " + table + " ORDER BY id"))
                .isEqualTo(source.canonicalRows("SELECT DISTINCT id, note FROM " + table + " ORDER BY id"))
                .hasSize(400);
    }

    private static SyncRunner threeInHand(Path dir) {
        return new SyncRunner(dir, Map.of("idra.write.parallel-loads", "3"));
    }

    private static SyncJson insertById(String table, TestDatabase source, TestDatabase destination) {
        return SyncJson.sync(table, Mode.ID_FIELD, source, destination).table(table).key("id").batch(BATCH)
                .saveMode("Insert");
    }
}
