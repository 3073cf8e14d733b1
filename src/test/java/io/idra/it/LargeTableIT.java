package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million rows PostgreSQL → MySQL and MySQL → PostgreSQL through the jar with a 256 MB heap: memory is bounded by the batch, not by the
 * table. The rows are compared one by one, a slice at a time.
 */
class LargeTableIT {

    private static final int ROWS = Integer.getInteger("idra.it.large.rows", 1_000_000);
    private Databases dbs;

    @BeforeEach
    void databases() {
        dbs = new Databases("large");
    }

    @AfterEach
    void drop() {
        dbs.close();
    }

    @ParameterizedTest
    @EnumSource(value = Direction.class, names = {"PG_TO_MYSQL", "MYSQL_TO_PG"})
    void aMillionRowsSyncWithA256MegabyteHeap(Direction direction, @TempDir Path dir) throws Exception {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        SampleTable.create(source, "big");
        SampleTable.create(destination, "big");
        BulkRows.fill(source, "big", 1, ROWS, 3);
        SyncJson sync = SyncJson.sync("large", Mode.TIMESTAMP, source, destination).table("big").timestamp("ts");
        Path file = dir.resolve("large.json");
        Files.writeString(file, sync.toString());
        long started = System.nanoTime();
        Jar.Result result = Jar.run(dir, List.of("-Xmx256m"), "run", "--once", file.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("sync 'large': OK, " + ROWS + " rows copied");
        System.out.printf("LargeTableIT: %d rows %s with -Xmx256m in %.1f s (%.0f rows/s incl. JVM start)%n",
                ROWS, direction, seconds, ROWS / seconds);

        assertThat(destination.count("big")).isEqualTo(ROWS);
        int slice = 100_000;
        for (int from = 1; from <= ROWS; from += slice) {
            String where = " FROM big WHERE id >= " + from + " AND id < " + (from + slice) + " ORDER BY id";
            assertThat(destination.canonicalRows("SELECT " + SampleTable.COLUMNS + where))
                    .as("rows from id " + from)
                    .isEqualTo(source.canonicalRows("SELECT " + SampleTable.COLUMNS + where));
        }
    }
}
