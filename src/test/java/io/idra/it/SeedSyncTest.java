package io.idra.it;

import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical record of SYNC-FORMAT.md, unchanged but for its two connection strings, copies a {@code bimbi}
 * table PostgreSQL → MySQL (LastDestinationTimestamp, Insert); a second run changes nothing; rows added with a
 * timestamp equal to the destination's latest one still arrive.
 */
class SeedSyncTest {

    private TestDatabase pg;
    private TestDatabase my;

    @BeforeEach
    void databases() {
        pg = TestServers.postgres().createDatabase("seed");
        my = TestServers.mysql().createDatabase("seed");
        pg.execute("CREATE TABLE bimbi (id bigint PRIMARY KEY, nome varchar(80), eta integer, ts timestamp(6))",
                "CREATE INDEX bimbi_ts ON bimbi (ts, id)");
        my.execute("CREATE TABLE bimbi (id bigint PRIMARY KEY, nome varchar(80), eta int, ts datetime(6))");
    }

    @AfterEach
    void drop() {
        pg.close();
        my.close();
    }

    @Test
    void seedRecordCopiesEveryRowAndASecondRunChangesNothing(@TempDir Path dir) throws Exception {
        LocalDateTime t0 = LocalDateTime.parse("2024-09-01T08:30:00.000001");
        insert(1, 250, t0);
        Path record = seedPointedAt(dir);
        SyncRunner runner = new SyncRunner(dir);

        assertThat(runner.onceOkFile(record, "Sincro_postgres_mysql")).isEqualTo(250);
        assertThat(rows(my)).isEqualTo(rows(pg)).hasSize(250);

        runner.onceOkFile(record, "Sincro_postgres_mysql");
        assertThat(rows(my)).isEqualTo(rows(pg));

        // a late row on the destination's latest timestamp, and newer rows
        LocalDateTime latest = t0.plusSeconds(249 / 10);
        insert(251, 251, latest);
        insert(252, 260, t0.plusDays(1));
        runner.onceOkFile(record, "Sincro_postgres_mysql");
        assertThat(rows(my)).isEqualTo(rows(pg)).hasSize(260);
    }

    /** The seed file with only its connection strings replaced. */
    private Path seedPointedAt(Path dir) throws Exception {
        String seed = Files.readString(Path.of("src/test/resources/seed-sync.json"));
        String pointed = seed
                .replace("host=localhost user=postgres password=postgres dbname=school port=5432 sslmode=disable"
                        + " TimeZone=Europe/Rome", pg.libpqDsn() + " TimeZone=Europe/Rome")
                .replace("root:cacata12@tcp(127.0.0.1:3306)/school?charset=utf8mb4\\u0026parseTime=True\\u0026loc=Local",
                        my.goDsn().replace("&", "\\u0026"));
        assertThat(pointed).doesNotContain("cacata12").doesNotContain("dbname=school");
        Path file = dir.resolve("seed.json");
        Files.writeString(file, pointed);
        return file;
    }

    private void insert(int from, int to, LocalDateTime base) throws Exception {
        try (Connection c = pg.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO bimbi VALUES (?, ?, ?, ?)")) {
            for (int i = from; i <= to; i++) {
                ps.setLong(1, i);
                ps.setString(2, "bimbo " + i + " è");
                ps.setInt(3, i % 12);
                // ten children share each timestamp
                ps.setObject(4, base.plusSeconds((i - from) / 10));
                ps.addBatch();
            }
            ps.executeBatch();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static java.util.List<java.util.List<String>> rows(TestDatabase db) {
        return db.canonicalRows("SELECT id, nome, eta, ts FROM bimbi ORDER BY id");
    }
}
