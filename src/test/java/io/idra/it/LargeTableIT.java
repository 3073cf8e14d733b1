package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million rows PostgreSQL → MySQL through the jar with a 256 MB heap: memory is bounded by the batch, not by the
 * table. The rows are compared one by one, a slice at a time.
 */
class LargeTableIT {

    private static final int ROWS = Integer.getInteger("idra.it.large.rows", 1_000_000);
    private TestDatabase pg;
    private TestDatabase my;

    @BeforeEach
    void databases() {
        pg = TestServers.postgres().createDatabase("large");
        my = TestServers.mysql().createDatabase("large");
        SampleTable.create(pg, "big");
        SampleTable.create(my, "big");
        BulkRows.fill(pg, "big", 1, ROWS, 3);
    }

    @AfterEach
    void drop() {
        pg.close();
        my.close();
    }

    @Test
    void aMillionRowsSyncWithA256MegabyteHeap(@TempDir Path dir) throws Exception {
        SyncJson sync = SyncJson.sync("large", Mode.TIMESTAMP, pg, my).table("big").timestamp("ts");
        Path file = dir.resolve("large.json");
        Files.writeString(file, sync.toString());
        long started = System.nanoTime();
        Jar.Result result = Jar.run(dir, List.of("-Xmx256m"), "run", "--once", file.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("sync 'large': OK, " + ROWS + " rows copied");
        System.out.printf("LargeTableIT: %d rows PostgreSQL -> MySQL with -Xmx256m in %.1f s (%.0f rows/s incl. JVM start)%n",
                ROWS, seconds, ROWS / seconds);

        assertThat(my.count("big")).isEqualTo(ROWS);
        int slice = 100_000;
        for (int from = 1; from <= ROWS; from += slice) {
            String where = " FROM big WHERE id >= " + from + " AND id < " + (from + slice) + " ORDER BY id";
            assertThat(my.canonicalRows("SELECT " + SampleTable.COLUMNS + where))
                    .as("rows from id " + from)
                    .isEqualTo(pg.canonicalRows("SELECT " + SampleTable.COLUMNS + where));
        }
    }
}
