package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mode × save mode × direction on real servers: the first tick copies the table exactly, a second copies
 * nothing and changes nothing, and rows added and updated between ticks arrive as the mode promises (updates reach
 * the destination only in timestamp modes with Upsert; Insert never changes a row already there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncMatrixTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("matrix");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (Mode mode : Mode.values()) {
                for (String save : List.of("Insert", "Upsert")) {
                    cells.add(Arguments.of(direction, mode, save));
                }
            }
        }
        return cells.stream();
    }

    /** The JDBC-batch writer (idra.write.bulk=false, and syncs whose columns have no exact text form). */
    static Stream<Arguments> jdbcBatchCells() {
        return cells().filter(cell -> cell.get()[1] == Mode.ID_FIELD || cell.get()[1] == Mode.TIMESTAMP);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cells")
    void copiesExactlyAndThenOnlyWhatChanged(Direction direction, Mode mode, String save, @TempDir Path dir) {
        copiesExactlyAndThenOnlyWhatChanged(direction, mode, save, new SyncRunner(dir), "m_");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("jdbcBatchCells")
    void copiesExactlyWithJdbcBatchesToo(Direction direction, Mode mode, String save, @TempDir Path dir) {
        copiesExactlyAndThenOnlyWhatChanged(direction, mode, save,
                new SyncRunner(dir, Map.of("idra.write.bulk", "false")), "j_");
    }

    private void copiesExactlyAndThenOnlyWhatChanged(Direction direction, Mode mode, String save, SyncRunner runner,
                                                     String prefix) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = (prefix + direction + "_" + mode.jsonName() + "_" + save).toLowerCase(Locale.ROOT);
        SampleTable.create(source, table);
        SampleTable.create(destination, table);
        SampleTable.insert(source, table, 1, 40, SampleTable.BASE);
        SyncJson sync = SyncJson.sync(table, mode, source, destination).table(table).timestamp("ts").batch(7)
                .saveMode(save);

        assertThat(runner.onceOk(sync)).isEqualTo(40);
        List<List<String>> afterFirst = SampleTable.rows(source, table);
        assertThat(SampleTable.rows(destination, table)).isEqualTo(afterFirst);

        long again = runner.onceOk(sync);
        assertThat(SampleTable.rows(destination, table)).isEqualTo(afterFirst);
        // LastDestinationTimestamp reads the rows on the destination's latest timestamp again (3 share it).
        assertThat(again).isLessThanOrEqualTo(mode == Mode.LAST_DESTINATION_TIMESTAMP ? 3 : 0);

        source.execute("UPDATE " + source.quote(table) + " SET name = 'changed', ts = ts + "
                + interval(source) + " WHERE id IN (5, 6)");
        SampleTable.insert(source, table, 41, 50, SampleTable.BASE.plusDays(1));
        runner.onceOk(sync);

        List<List<String>> now = SampleTable.rows(source, table);
        boolean updatesArrive = mode.usesTimestamp() && save.equals("Upsert");
        List<List<String>> expected = new ArrayList<>();
        for (List<String> row : now) {
            long id = Long.parseLong(row.get(0));
            expected.add((id == 5 || id == 6) && !updatesArrive ? afterFirst.get((int) id - 1) : row);
        }
        assertThat(SampleTable.rows(destination, table)).isEqualTo(expected);
    }

    private static String interval(TestDatabase db) {
        return db.kind() == io.idra.model.ConnectorType.POSTGRES ? "interval '2 days'" : "interval 2 day";
    }
}
