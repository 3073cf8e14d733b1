package io.idra.it;

import io.idra.app.Services;
import io.idra.app.Settings;
import io.idra.app.SyncLoader;
import io.idra.connect.Pools;
import io.idra.cursor.Offset;
import io.idra.dialect.CursorQuery;
import io.idra.model.Mode;
import io.idra.model.Sync;
import io.idra.route.SourceQuery;
import io.idra.route.SyncRuntime;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-row question an idle tick asks its source ("is there a row past the offset?"), on the source pool a sync
 * gets: it never keeps a snapshot (a row committed after one question is seen by the next), and on MariaDB it costs
 * one round trip, as the session's own counters show: the statement is prepared once per connection, and no
 * ROLLBACK follows it (the source connections auto-commit).
 */
class SourceQuestionsTest {

    @TempDir
    Path dir;

    private final Databases dbs = new Databases("questions");
    private final Pools pools = new Pools(1);

    @AfterEach
    void close() {
        pools.stop();
        dbs.close();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void aQuestionSeesRowsCommittedAfterTheQuestionBefore(Direction direction) throws Exception {
        TestDatabase source = dbs.source(direction);
        SyncRuntime runtime = runtime(source, dbs.destination(direction));
        CursorQuery past10 = question(runtime, 10);

        assertThat(SourceQuery.firstValue(runtime, past10, 30)).as("no row past 10 yet").isNull();
        source.execute("INSERT INTO src VALUES (11, 'b')");
        assertThat(SourceQuery.firstValue(runtime, past10, 30)).as("row 11, committed after the first question")
                .isNotNull();
    }

    @Test
    void onMariaDbAnIdleQuestionIsOneExecuteOfAStatementPreparedOnce() throws Exception {
        TestDatabase source = dbs.source(Direction.MYSQL_TO_PG);
        SyncRuntime runtime = runtime(source, dbs.destination(Direction.MYSQL_TO_PG));
        CursorQuery past10 = question(runtime, 10);
        Map<String, Long> before = sessionCounters(runtime);

        for (int i = 0; i < 5; i++) {
            assertThat(SourceQuery.firstValue(runtime, past10, 30)).isNull();
        }

        Map<String, Long> after = sessionCounters(runtime);
        assertThat(after.get("Com_stmt_execute") - before.get("Com_stmt_execute")).as("executes").isEqualTo(5);
        assertThat(after.get("Com_stmt_prepare") - before.get("Com_stmt_prepare")).as("prepares").isEqualTo(1);
        assertThat(after.get("Com_rollback") - before.get("Com_rollback")).as("rollbacks").isZero();
        assertThat(after.get("Com_commit") - before.get("Com_commit")).as("commits").isZero();
    }

    /**
     * A statement a MariaDB source connection kept prepared streams again when it is prepared again: its rows are
     * read one by one from the socket (a second query on the connection fails while they are unread), not buffered.
     */
    @Test
    void onMariaDbAStatementPreparedAgainFromTheCacheStillStreams() throws Exception {
        TestDatabase source = dbs.source(Direction.MYSQL_TO_PG);
        SyncRuntime runtime = runtime(source, dbs.destination(Direction.MYSQL_TO_PG));
        source.execute("INSERT INTO src VALUES (11, 'b'), (12, 'c')");
        Map<String, Long> before = sessionCounters(runtime);
        for (int i = 0; i < 2; i++) {
            try (Connection c = runtime.sourcePool().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT id FROM src ORDER BY id")) {
                assertThat(ps.getFetchSize()).as("fetch size, preparation %d", i + 1).isEqualTo(Integer.MIN_VALUE);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT 1"))
                            .as("a query while the stream is open").hasMessageContaining("Streaming result set");
                    assertThat(rs.next()).isTrue();
                }
            }
        }
        Map<String, Long> after = sessionCounters(runtime);
        assertThat(after.get("Com_stmt_prepare") - before.get("Com_stmt_prepare")).as("prepares").isEqualTo(1);
    }

    private SyncRuntime runtime(TestDatabase source, TestDatabase destination) throws Exception {
        source.execute("CREATE TABLE src (id BIGINT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO src VALUES (10, 'a')");
        Path file = dir.resolve("q.json");
        Files.writeString(file, SyncJson.sync("q", Mode.ID_FIELD, source, destination).table("src").toString());
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        assertThat(loaded.errors()).isEmpty();
        Sync sync = loaded.syncs().get(0);
        Settings settings = new Settings("unused", "", "", 1, 10_000, false, "routes", true, 2);
        return new Services(settings, pools, null, null, true).runtime(sync);
    }

    private static CursorQuery question(SyncRuntime runtime, long id) {
        return runtime.sourceDialect().existsAfter(runtime.sourceDialect().quoteColumn("src"), List.of("id"), null,
                Offset.after(List.of(id)), 0);
    }

    /** This session's statement counters: the pool has one connection, the one the questions used. */
    private static Map<String, Long> sessionCounters(SyncRuntime runtime) throws SQLException {
        Map<String, Long> counters = new HashMap<>();
        try (Connection c = runtime.sourcePool().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW SESSION STATUS WHERE Variable_name IN"
                     + " ('Com_stmt_execute', 'Com_stmt_prepare', 'Com_rollback', 'Com_commit')")) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(counters).hasSize(4);
        return counters;
    }
}
