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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills {@code idra run} with SIGKILL at random moments while it copies a large table in small batches (300 rows
 * share each timestamp, so ties straddle batches and kills; a writer keeps adding rows, and in timestamp modes
 * with Upsert also moves existing rows forward), plus once
 * exactly between a destination commit and the offset save; then lets it catch up and compares destination and
 * source row by row. Every mode, both save modes; the direction alternates.
 *
 * <p>Size with {@code -Didra.it.crash.rows=N} (default 200,000) and {@code -Didra.it.crash.kills=K} (default 3 per
 * case, plus the one at the commit/offset gap).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashSafetyIT {

    private static final int ROWS = Integer.getInteger("idra.it.crash.rows", 200_000);
    private static final int KILLS = Integer.getInteger("idra.it.crash.kills", 3);
    private static final int BATCH = 500;

    private Databases dbs;
    private final Random random = new Random(Long.getLong("idra.it.crash.seed", System.nanoTime()));
    private int totalKills;

    @BeforeAll
    void databases() {
        dbs = new Databases("crash");
    }

    @AfterAll
    void drop() {
        System.out.println("CrashSafetyIT: " + totalKills + " kills in all");
        dbs.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int n = 0;
        for (Mode mode : Mode.values()) {
            for (String save : List.of("Insert", "Upsert")) {
                Direction direction = n++ % 2 == 0 ? Direction.PG_TO_MYSQL : Direction.MYSQL_TO_PG;
                cases.add(Arguments.of(direction, mode, save));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void killedAnywhereItStillEndsExact(Direction direction, Mode mode, String save, @TempDir Path dir)
            throws Exception {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = ("crash_" + mode.jsonName() + "_" + save).toLowerCase(Locale.ROOT);
        SampleTable.create(source, table);
        SampleTable.create(destination, table);
        BulkRows.fill(source, table, 1, ROWS, 300);
        SyncJson sync = SyncJson.sync(table, mode, source, destination).table(table).timestamp("ts").batch(BATCH)
                .saveMode(save);
        Path file = dir.resolve("sync.json");
        Files.writeString(file, sync.toString());
        Path log = dir.resolve("idra.log");
        List<String> jvm = List.of("-Xmx256m", "-Didra.state.url=jdbc:h2:file:" + dir.resolve("state") + ";AUTO_SERVER=TRUE");

        boolean updates = mode.usesTimestamp() && save.equals("Upsert");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong nextId = new AtomicLong(ROWS + 1);
        Thread writer = new Thread(() -> write(source, table, nextId, updates, writing), "source-writer");
        writer.start();
        List<Long> copiedAtKill = new ArrayList<>();
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                long before = destination.count(table);
                Process idra = Jar.start(dir, log, jvm, "run", file.toString());
                // kill at a random moment after this run has started to copy, however slowly the JVM came up
                long deadline = System.currentTimeMillis() + 120_000;
                while (destination.count(table) <= before && idra.isAlive() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(random.nextInt(1500));
                idra.destroyForcibly().waitFor();
                copiedAtKill.add(destination.count(table));
                totalKills++;
            }
            // exactly between a commit and its offset save
            List<String> halting = new ArrayList<>(jvm);
            halting.add("-Didra.fault.halt-after-commits=" + (1 + random.nextInt(5)));
            Process idra = Jar.start(dir, log, halting, "run", file.toString());
            assertThat(idra.waitFor()).as("halted by fault injection").isEqualTo(137);
            totalKills++;
        } finally {
            writing.set(false);
            writer.join();
        }

        System.out.printf("CrashSafetyIT %s %s %s: destination rows at each kill %s of %d%n", direction, mode, save,
                copiedAtKill, source.count(table));
        // the kills must have hit the copy in the middle, not only before it started or after it ended
        assertThat(copiedAtKill).anyMatch(n -> n > 0 && n < ROWS);

        Jar.Result last = Jar.run(dir, jvm, "run", "--once", file.toString());
        assertThat(last.exitCode()).as(last.all()).isZero();
        assertThat(destination.count(table)).isEqualTo(source.count(table));
        assertThat(SampleTable.rows(destination, table)).isEqualTo(SampleTable.rows(source, table));
    }

    /**
     * One connection, autocommit: new rows with later timestamps, and (for Upsert timestamp modes) existing rows
     * moved to a later timestamp. Timestamps only grow, so no row commits behind one already committed.
     */
    private static void write(TestDatabase db, String table, AtomicLong nextId, boolean updates, AtomicBoolean on) {
        LocalDateTime ts = LocalDateTime.parse("2025-01-01T00:00:00.000001");
        Random random = new Random(42);
        String t = db.quote(table);
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            try (PreparedStatement update = c.prepareStatement("UPDATE " + t + " SET name = ?, ts = ? WHERE id = ?")) {
                while (on.get()) {
                    ts = ts.plusNanos(1_000);
                    long id = nextId.getAndIncrement();
                    SampleTable.insertOne(c, t, id, ts);
                    if (updates && random.nextInt(3) == 0) {
                        ts = ts.plusNanos(1_000);
                        update.setString(1, "moved " + id);
                        SampleTable.setTimestamp(update, 2, ts);
                        update.setLong(3, 1 + random.nextInt(ROWS));
                        update.executeUpdate();
                    }
                    Thread.sleep(5);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
