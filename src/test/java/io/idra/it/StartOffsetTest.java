package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * start_offset: id modes copy keys greater than it; timestamp modes read it as epoch milliseconds (UTC when the
 * connection string names no time zone) and copy rows from that moment on, microseconds included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartOffsetTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("start");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFreshSyncStartsAtStartOffset(Mode mode, @TempDir Path dir) {
        Direction direction = mode.ordinal() % 2 == 0 ? Direction.PG_TO_MYSQL : Direction.MYSQL_TO_PG;
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = ("start_" + mode.jsonName()).toLowerCase(Locale.ROOT);
        SampleTable.create(source, table);
        SampleTable.create(destination, table);
        // ids 1..30; row i has timestamp BASE + i/3 s + 0.123456 s
        SampleTable.insert(source, table, 1, 30, SampleTable.BASE);
        long start;
        List<String> expectedIds;
        if (mode.usesTimestamp()) {
            // the exact timestamp of rows 15-17: they are included, rows 1-14 are not
            LocalDateTime at = SampleTable.BASE.plusSeconds(5).plusNanos(123_456_000L).withNano(123_000_000);
            start = at.toInstant(ZoneOffset.UTC).toEpochMilli();
            expectedIds = ids(15, 30);
        } else {
            start = 20;
            expectedIds = ids(21, 30);
        }
        SyncJson sync = SyncJson.sync(table, mode, source, destination).table(table).timestamp("ts").batch(4)
                .startOffset(start);
        new SyncRunner(dir).onceOk(sync);
        assertThat(destination.canonicalRows("SELECT id FROM " + destination.quote(table) + " ORDER BY id"))
                .extracting(row -> row.get(0)).containsExactlyElementsOf(expectedIds);
    }

    private static List<String> ids(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }
}
