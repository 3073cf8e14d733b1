package io.idra.it;

import com.zaxxer.hikari.HikariDataSource;
import io.idra.app.IdraApplication;
import io.idra.app.OnceRun;
import io.idra.app.SyncLoader;
import io.idra.model.Mode;
import io.idra.state.StatusStore;
import io.idra.state.SyncStatusRow;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status table: the same SQL on H2, PostgreSQL and MySQL; and what a program run leaves in it for the CLI and
 * other nodes to read (totals across runs, failures, the writing node), never a password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusTableTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("status");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @Test
    void theSameStatementsWorkOnH2PostgresAndMysql(@TempDir Path dir) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath());
        h2.setUser("sa");
        check(h2);
        for (TestDatabase db : List.of(TestServers.postgres().createDatabase("status_pg"),
                TestServers.mysql().createDatabase("status_my"))) {
            try (db; HikariDataSource pool = new HikariDataSource()) {
                pool.setJdbcUrl(db.jdbcUrl());
                pool.setUsername(db.server().user());
                pool.setPassword(db.server().password());
                pool.setAutoCommit(false);
                check(pool);
            }
        }
    }

    private static void check(DataSource dataSource) throws Exception {
        StatusStore store = new StatusStore(dataSource);
        store.init();
        store.init();
        Instant t = Instant.parse("2026-01-02T03:04:05.123456Z");
        String longError = "sync 'a': writing a batch: " + "ü".repeat(5000);
        store.save(new SyncStatusRow("id-a", "a", "FAILED", t, t.plusSeconds(1), 3, 0, longError, null, 2, "n1",
                t.plusSeconds(2)), 3);
        store.save(new SyncStatusRow("id-b", "b", "WAITING", null, null, 0, 0, null, null, 0, "n1", t), 0);
        store.save(new SyncStatusRow("id-a", "a", "SUCCEEDED", t, t.plusSeconds(5), 4, 0, null, "> 42", 2, "n2",
                t.plusSeconds(6)), 4);
        List<SyncStatusRow> rows = store.list();
        assertThat(rows).extracting(SyncStatusRow::syncName).containsExactly("a", "b");
        SyncStatusRow a = rows.get(0);
        assertThat(a).isEqualTo(new SyncStatusRow("id-a", "a", "SUCCEEDED", t, t.plusSeconds(5), 4, 7, null, "> 42",
                2, "n2", t.plusSeconds(6)));
        assertThat(rows.get(1).lastTickStart()).isNull();
    }

    @Test
    void aRunLeavesEachSyncsStatusForOtherProcesses(@TempDir Path dir) throws Exception {
        TestDatabase pg = dbs.source(Direction.PG_TO_MYSQL);
        TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
        SampleTable.create(pg, "st_items");
        SampleTable.create(my, "st_items");
        SampleTable.insert(pg, "st_items", 1, 25, SampleTable.BASE);
        SyncJson good = SyncJson.sync("st_good", Mode.ID_FIELD, pg, my).table("st_items").batch(10);
        // trust authentication ignores the password: the record carries one that must not reach the table
        String secret = pg.server().password().isEmpty() ? "St-S3cret-pw" : pg.server().password();
        SyncJson bad = SyncJson.sync("st_bad", Mode.ID_FIELD, pg, my).tables("st_items", "st_missing")
                .destinationAttribute("create_table", "false")
                .sourceConnection(pg.idraConnectionString()
                        + (pg.server().password().isEmpty() ? " password=" + secret : ""));

        OnceRun first = once(dir, good, bad);
        assertThat(first.error("st_bad")).isNotNull();
        SampleTable.insert(pg, "st_items", 26, 30, SampleTable.BASE);
        once(dir, good, bad);

        StatusStore store = new StatusStore(statePool(dir));
        List<SyncStatusRow> rows = store.list();
        assertThat(rows).extracting(SyncStatusRow::syncName).containsExactly("st_bad", "st_good");
        SyncStatusRow ok = rows.get(1);
        assertThat(ok.syncId()).isEqualTo(good.id());
        assertThat(ok.state()).isEqualTo("SUCCEEDED");
        assertThat(ok.rowsTotal()).as("both runs").isEqualTo(30);
        assertThat(ok.rowsLastTick()).isEqualTo(5);
        assertThat(ok.offsetText()).isEqualTo("> 30");
        assertThat(ok.lastError()).isNull();
        assertThat(ok.node()).isEqualTo("test-node");
        assertThat(ok.lastTickEnd()).isAfterOrEqualTo(ok.lastTickStart());
        SyncStatusRow failed = rows.get(0);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.lastError()).startsWith("sync 'st_bad': ").contains("st_missing").doesNotContain(secret);
        assertThat(failed.rowsTotal()).isZero();
    }

    private static OnceRun once(Path dir, SyncJson... syncs) throws Exception {
        List<Path> files = new ArrayList<>();
        for (SyncJson sync : syncs) {
            Path file = dir.resolve(sync.name() + ".json");
            Files.writeString(file, sync.toString());
            files.add(file);
        }
        SyncLoader.Loaded loaded = SyncLoader.load(files);
        assertThat(loaded.errors()).isEmpty();
        return new IdraApplication(loaded, Map.of("idra.state.url", new SyncRunner(dir).stateUrl(),
                "idra.node.name", "test-node")).runOnce(2, TimeUnit.MINUTES);
    }

    private static DataSource statePool(Path dir) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(new SyncRunner(dir).stateUrl());
        h2.setUser("sa");
        return h2;
    }
}
