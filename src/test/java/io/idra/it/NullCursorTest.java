package io.idra.it;

import io.idra.app.IdraApplication;
import io.idra.app.OnceRun;
import io.idra.app.SyncLoader;
import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows whose timestamp is NULL cannot be ordered, so no timestamp mode copies them; they are counted in the sync's
 * status (and logged), never dropped silently. Every other row arrives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NullCursorTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("nullts");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"TIMESTAMP", "LAST_DESTINATION_TIMESTAMP"})
    void nullTimestampsAreCountedNotCopied(Mode mode, @TempDir Path dir) throws Exception {
        TestDatabase source = dbs.source(Direction.PG_TO_MYSQL);
        TestDatabase destination = dbs.destination(Direction.PG_TO_MYSQL);
        String table = ("nulls_" + mode.jsonName()).toLowerCase(Locale.ROOT);
        SampleTable.create(source, table);
        SampleTable.create(destination, table);
        SampleTable.insert(source, table, 1, 20, SampleTable.BASE);
        source.execute("UPDATE " + table + " SET ts = NULL WHERE id IN (3, 7, 11)");
        SyncJson sync = SyncJson.sync(table, mode, source, destination).table(table).timestamp("ts").batch(6);
        Path file = dir.resolve("sync.json");
        Files.writeString(file, sync.toString());
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        IdraApplication app = new IdraApplication(loaded, Map.of("idra.state.url", new SyncRunner(dir).stateUrl()));
        AtomicLong nullRows = new AtomicLong(-1);
        app.catalog().addListener((runtime, rows, error) -> nullRows.set(runtime.status().nullCursorRows()));

        OnceRun run = app.runOnce(2, TimeUnit.MINUTES);

        assertThat(run.error(table)).isNull();
        assertThat(run.rows(table)).isEqualTo(17);
        assertThat(nullRows.get()).isEqualTo(3);
        assertThat(destination.canonicalRows("SELECT id FROM " + table + " ORDER BY id"))
                .extracting(row -> row.get(0)).doesNotContain("3", "7", "11").hasSize(17);
    }
}
