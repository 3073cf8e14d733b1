package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code offsets list | set | reset}, {@code syncs delete --offset} and {@code status} through the jar, against
 * syncs that ran on the real databases, with the state store (H2 file, AUTO_SERVER) in the working directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffsetsCliIT {

    /** An ISO instant cut to seconds, as the tables print times. */
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private TestDatabase pg;
    private TestDatabase my;

    @BeforeAll
    void databases() {
        pg = TestServers.postgres().createDatabase("clioffsets");
        my = TestServers.mysql().createDatabase("clioffsets");
        SampleTable.create(pg, "items");
        SampleTable.insert(pg, "items", 1, 100, SampleTable.BASE);
    }

    @AfterAll
    void drop() {
        pg.close();
        my.close();
    }

    /** An IdField sync and a LastDestinationId sync, each to a destination table of its own. */
    private Path importTwo(Path dir, String prefix) throws Exception {
        SampleTable.create(my, prefix + "_id");
        SampleTable.create(my, prefix + "_ld");
        String id = SyncJson.sync(prefix + "_id", Mode.ID_FIELD, pg, my).tables("items", prefix + "_id").batch(30)
                .toString();
        String ld = SyncJson.sync(prefix + "_ld", Mode.LAST_DESTINATION_ID, pg, my).tables("items", prefix + "_ld")
                .toString();
        Path file = dir.resolve("two.json");
        Files.writeString(file, "[" + id + "," + ld + "]");
        Jar.Result imported = Jar.run(dir, List.of(), "syncs", "import", "two.json");
        assertThat(imported.exitCode()).as(imported.all()).isZero();
        return file;
    }

    @Test
    void offsetsOfASyncThatRanAreListedSetAndReset(@TempDir Path dir) throws Exception {
        importTwo(dir, "o");
        Jar.Result before = Jar.run(dir, List.of(), "status");
        assertThat(before.exitCode()).as(before.all()).isZero();
        assertThat(before.stdout().lines()).containsExactly(
                "SYNC  STATE      LAST TICK END  ROWS LAST/TOTAL  LAST ERROR",
                "o_id  never ran  -              -                -",
                "o_ld  never ran  -              -                -");

        Jar.Result run = Jar.run(dir, List.of(), "run", "--once");
        assertThat(run.exitCode()).as(run.all()).isZero();

        Jar.Result list = Jar.run(dir, List.of(), "offsets", "list");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout().lines()).hasSize(3);
        assertThat(list.stdout().lines().toList().get(0)).isEqualTo("SYNC  MODE               OFFSET"
                + "                      UPDATED AT");
        assertThat(list.stdout().lines().toList().get(1)).matches("o_id  IdField            > 100 {23}" + TIME);
        assertThat(list.stdout().lines().toList().get(2)).isEqualTo("o_ld  LastDestinationId  MAX(id) at the"
                + " destination  -");

        Jar.Result status = Jar.run(dir, List.of(), "status");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.stdout().lines().toList().get(1))
                .matches("o_id  succeeded  " + TIME + " \\(\\d+ s ago\\) +100 / 100 {8}-");
        assertThat(Jar.run(dir, List.of(), "status", "--json").stdout())
                .contains("\"sync\" : \"o_ld\"", "\"state\" : \"succeeded\"", "\"rows_total\" : 100");

        // the --once program has ended, but the status table cannot tell it from one that runs
        Jar.Result refused = Jar.run(dir, List.of(), "offsets", "set", "o_id", "40");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr().strip()).matches("error: sync 'o_id' is running \\(last tick ended " + TIME
                + ", status written \\d+ s ago\\): stop it first, or use --force");

        Jar.Result set = Jar.run(dir, List.of(), "offsets", "set", "o_id", "40", "--force");
        assertThat(set.exitCode()).as(set.all()).isZero();
        assertThat(set.stdout().lines()).containsExactly("sync 'o_id': offset set to > 40 (was > 100)");
        my.execute("DELETE FROM " + my.quote("o_id") + " WHERE id > 40");
        Jar.Result again = Jar.run(dir, List.of(), "run", "--once", "config/syncs/o_id.json");
        assertThat(again.stdout()).contains("sync 'o_id': OK, 60 rows copied");
        assertThat(SampleTable.rows(my, "o_id")).isEqualTo(SampleTable.rows(pg, "items"));

        Jar.Result bad = Jar.run(dir, List.of(), "offsets", "set", "o_id", "forty", "--force");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr().lines()).containsExactly("error: sync 'o_id': column id: \"forty\" is not an integer");
        Jar.Result ld = Jar.run(dir, List.of(), "offsets", "set", "o_ld", "5", "--force");
        assertThat(ld.exitCode()).isEqualTo(1);
        assertThat(ld.stderr().lines()).containsExactly("error: sync 'o_ld': mode LastDestinationId keeps no"
                + " offset: every tick starts from MAX(id) of destination table 'o_ld'; to copy rows again, delete"
                + " them there");

        Jar.Result reset = Jar.run(dir, List.of(), "offsets", "reset", "o_id", "--force");
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(reset.stdout().lines()).containsExactly(
                "sync 'o_id': offset > 100 removed; the next tick starts from the first row");
        assertThat(Jar.run(dir, List.of(), "offsets", "list").stdout().lines())
                .contains("o_id  IdField            none: starts from the first row  -");

        assertThat(Jar.run(dir, List.of(), "run", "--once", "config/syncs/o_id.json").exitCode()).isZero();
        Jar.Result deleted = Jar.run(dir, List.of(), "syncs", "delete", "o_id", "--offset", "--force");
        assertThat(deleted.exitCode()).as(deleted.all()).isZero();
        assertThat(deleted.stdout().lines())
                .containsExactly("sync 'o_id': deleted config/syncs/o_id.json and its offset");
        assertThat(Jar.run(dir, List.of(), "offsets", "list").stdout()).doesNotContain("o_id");
    }

    @Test
    void offsetsCannotChangeWhileTheSyncRuns(@TempDir Path dir) throws Exception {
        importTwo(dir, "r");
        Path log = dir.resolve("run.log");
        Process run = Jar.start(dir, log, List.of(), "run");
        try {
            awaitSucceeded(dir, run, log);
            Jar.Result set = Jar.run(dir, List.of(), "offsets", "set", "r_id", "10");
            assertThat(set.exitCode()).as(set.all()).isEqualTo(1);
            assertThat(set.stderr().strip()).matches("error: sync 'r_id' is running \\(last tick ended " + TIME
                    + ", status written \\d+ s ago\\): stop it first, or use --force");
            Jar.Result reset = Jar.run(dir, List.of(), "offsets", "reset", "r_id");
            assertThat(reset.exitCode()).isEqualTo(1);
            assertThat(reset.stderr()).contains("error: sync 'r_id' is running");
            Jar.Result list = Jar.run(dir, List.of(), "offsets", "list");
            assertThat(list.stdout()).containsPattern("r_id +IdField +> 100 ");
        } finally {
            run.destroy();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Jar.Result forced = Jar.run(dir, List.of(), "offsets", "set", "r_id", "10", "--force");
        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(forced.stdout().lines()).containsExactly("sync 'r_id': offset set to > 10 (was > 100)");
    }

    /** Until the background program's first ticks are in the status table. */
    private static void awaitSucceeded(Path dir, Process run, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertThat(run.isAlive()).as(() -> readLog(log)).isTrue();
            Jar.Result status = Jar.run(dir, List.of(), "status");
            if (status.stdout().lines().filter(l -> l.contains(" succeeded ") && l.contains(" / 100 ")).count() == 2) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the syncs did not succeed in time:\n" + readLog(log));
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
