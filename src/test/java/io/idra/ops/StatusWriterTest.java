package io.idra.ops;

import io.idra.app.Services;
import io.idra.app.Settings;
import io.idra.connect.Pools;
import io.idra.model.Sync;
import io.idra.model.SyncReader;
import io.idra.route.SyncCatalog;
import io.idra.route.SyncRuntime;
import io.idra.state.StatusStore;
import io.idra.state.SyncStatusRow;
import org.apache.camel.component.properties.PropertiesComponent;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When the status table is written: on every change, else once a minute; totals add up; secrets never land. */
class StatusWriterTest {

    private static final String PASSWORD = "St4tus-pw";
    private static final String RECORD = """
            {"id": "aaaaaaaa-2222-3333-4444-555555555555", "sync_name": "st", "mode": "IdField",
             "source_connector": {"connector_name": "src", "connector_source_type": "PostgresGORM",
                "connection_string": "host=db user=u password=%s dbname=x", "table": "t"},
             "destination_connector": {"connector_name": "dst", "connector_source_type": "MysqlGORM",
                "connection_string": "u:%s@tcp(db:3306)/x", "table": "t"}}
            """.formatted(PASSWORD, PASSWORD);

    private final Pools pools = new Pools(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private StatusStore store;
    private StatusWriter writer;

    @BeforeEach
    void store(@TempDir Path dir) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath());
        h2.setUser("sa");
        store = new StatusStore(h2);
        store.init();
        writer = new StatusWriter(store, "node-a", clock);
    }

    @AfterEach
    void closePools() {
        pools.stop();
    }

    @Test
    void idleTicksWriteOnceAMinuteChangesAtOnce() throws Exception {
        SyncRuntime sync = runtime();
        tick(sync, 25, null);
        assertThat(row().rowsTotal()).isEqualTo(25);
        assertThat(row().rowsLastTick()).isEqualTo(25);
        assertThat(row().offsetText()).isEqualTo("> 25");
        assertThat(row().node()).isEqualTo("node-a");

        clock.advance(Duration.ofSeconds(1));
        tick(sync, 0, null);
        Instant idleWritten = clock.instant();
        assertThat(row().rowsLastTick()).as("a change: the last tick copied nothing").isZero();
        assertThat(row().updatedAt()).isEqualTo(idleWritten);

        for (int i = 0; i < 58; i++) {
            clock.advance(Duration.ofSeconds(1));
            tick(sync, 0, null);
        }
        assertThat(row().updatedAt()).as("58 idle ticks, nothing written").isEqualTo(idleWritten);
        clock.advance(Duration.ofSeconds(2));
        tick(sync, 0, null);
        assertThat(row().updatedAt()).as("a minute later: written to show the sync is alive").isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(1));
        tick(sync, 5, null);
        assertThat(row().rowsTotal()).isEqualTo(30);
        assertThat(row().updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void failuresAreWrittenMaskedAndTotalsKeepCountingAcrossRuntimes() throws Exception {
        SyncRuntime first = runtime();
        tick(first, 10, null);
        clock.advance(Duration.ofSeconds(1));
        tick(first, 0, "sync 'st': writing a batch: the driver quoted " + PASSWORD + " in its message");
        SyncStatusRow failed = row();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.lastError()).isEqualTo("sync 'st': writing a batch: the driver quoted ******** in its message");

        // a reload or a restart: a new runtime counts from zero, the table keeps adding
        SyncRuntime second = runtime();
        clock.advance(Duration.ofSeconds(1));
        tick(second, 3, null);
        assertThat(row().rowsTotal()).isEqualTo(13);
        assertThat(row().state()).isEqualTo("SUCCEEDED");
        assertThat(row().lastError()).isNull();
        assertThat(row().lastTickStart()).isNotNull();
    }

    private void tick(SyncRuntime sync, long rows, String error) {
        SyncStatus status = sync.status();
        status.tickStarted(clock.instant());
        if (error == null) {
            status.tickSucceeded(clock.instant(), rows, "> " + (status.rowsTotal() + rows));
        } else {
            status.tickFailed(clock.instant(), rows, error);
        }
        writer.tickEnded(sync, rows, error);
    }

    private SyncStatusRow row() throws Exception {
        List<SyncStatusRow> rows = store.list();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** A runtime as the program builds it; its pools are never opened here. */
    private SyncRuntime runtime() {
        Sync sync = SyncReader.read(RECORD, "st.json").syncs().get(0);
        return new Services(Settings.from(new PropertiesComponent()), pools, null, new SyncCatalog(), false)
                .runtime(sync);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
