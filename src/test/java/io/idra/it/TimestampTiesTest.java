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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three batches' worth of rows on one timestamp all arrive, and so do rows added later on the timestamp the sync
 * last reached, in both timestamp modes, both save modes and every direction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimestampTiesTest {

    private static final int BATCH = 10;
    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("ties");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (Mode mode : List.of(Mode.TIMESTAMP, Mode.LAST_DESTINATION_TIMESTAMP)) {
                for (String save : List.of("Insert", "Upsert")) {
                    cases.add(Arguments.of(direction, mode, save));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void everyTiedRowArrives(Direction direction, Mode mode, String save, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = ("ties_" + direction + "_" + mode.jsonName() + "_" + save).toLowerCase(Locale.ROOT);
        SampleTable.create(source, table);
        SampleTable.create(destination, table);
        LocalDateTime tie = LocalDateTime.parse("2024-06-30T23:59:59.999999");
        // SampleTable gives ids i, i+1, i+2 one timestamp; inserting one row at a time pins them all to `tie`
        for (int i = 1; i <= 3 * BATCH; i++) {
            SampleTable.insert(source, table, i, i, tie.minusSeconds(i / 3));
        }
        SyncRunner runner = new SyncRunner(dir);
        SyncJson sync = SyncJson.sync(table, mode, source, destination).table(table).timestamp("ts").batch(BATCH)
                .saveMode(save);

        runner.onceOk(sync);
        assertThat(SampleTable.rows(destination, table)).isEqualTo(SampleTable.rows(source, table)).hasSize(3 * BATCH);
        assertThat(destination.count(table)).isEqualTo(3 * BATCH);

        for (int i = 3 * BATCH + 1; i <= 3 * BATCH + 5; i++) {
            SampleTable.insert(source, table, i, i, tie.minusSeconds(i / 3));
        }
        runner.onceOk(sync);
        assertThat(SampleTable.rows(destination, table)).isEqualTo(SampleTable.rows(source, table)).hasSize(35);
    }
}
