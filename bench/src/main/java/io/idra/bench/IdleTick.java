package io.idra.bench;

import io.idra.app.IdraApplication;
import io.idra.app.SyncLoader;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The cost of one idle tick, measured inside idra: one caught-up Timestamp sync ticking every second, run in this
 * JVM through idra's own API, and each tick's duration as idra's status records it (from the tick's start in
 * TickStarter to its end in TickEnder, i.e. without Quartz's dispatch). Then, on a plain JDBC connection to the
 * same source, the bare index query such a tick needs ({@code ... WHERE (ts, id) > (?, ?) ORDER BY ts, id LIMIT 1})
 * and the query idra actually sends (no LIMIT), each prepared anew every time as camel-sql does, after 200 runs to
 * warm up, in turn, at least 100 times.
 *
 * <p>Usage: {@code IdleTick SYNC_FILE STATE_URL ENGINE(pg|my) WARMUP_TICKS TICKS TIMESTAMP ID}. Prints
 * {@code TICK_US}, {@code BARE_US} and {@code IDRA_QUERY_US} lines of microseconds.
 */
public final class IdleTick {

    private static final int QUERY_WARMUP = 200;

    private IdleTick() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String stateUrl = args[1];
        Db source = Db.of(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int ticks = Integer.parseInt(args[4]);
        LocalDateTime ts = LocalDateTime.parse(args[5]);
        long id = Long.parseLong(args[6]);

        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        if (!loaded.ok()) {
            throw new IllegalStateException("sync file not valid: " + loaded.errors());
        }
        IdraApplication app = new IdraApplication(loaded, Map.of("idra.state.url", stateUrl));
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(warmup + ticks);
        app.catalog().addListener((sync, rows, error) -> {
            if (error != null || rows != 0) {
                errors.add(error != null ? error : rows + " rows copied: the sync was not caught up");
            }
            micros.add(sync.status().lastTickDuration().toNanos() / 1000);
            done.countDown();
        });
        Thread runner = new Thread(() -> {
            try {
                app.runForever();
            } catch (Exception e) {
                errors.add(e.toString());
            }
        }, "idra");
        runner.start();
        boolean finished = done.await(warmup + ticks + 60L, TimeUnit.SECONDS);
        app.stop();
        runner.join(60_000);
        if (!finished || !errors.isEmpty()) {
            throw new IllegalStateException("idle ticks did not run as expected: " + errors);
        }
        print("TICK_US", micros.subList(warmup, micros.size()));

        String bare = source.engine == Db.Engine.POSTGRES
                ? "SELECT * FROM src WHERE (updated_at, id) > (?, ?) ORDER BY updated_at, id LIMIT 1"
                : "SELECT * FROM src WHERE updated_at >= ? AND ((updated_at > ?) OR (updated_at = ? AND id > ?))"
                + " ORDER BY updated_at, id LIMIT 1";
        String idra = bare.replace(" LIMIT 1", "");
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            List<Long> bareMicros = new ArrayList<>();
            List<Long> idraMicros = new ArrayList<>();
            // the JDBC path is as warm as idra's after its ticks: many runs first, then the two queries in turn
            for (int run = -QUERY_WARMUP; run < Math.max(100, ticks); run++) {
                long b = time(c, bare, source, ts, id);
                long q = time(c, idra, source, ts, id);
                if (run >= 0) {
                    bareMicros.add(b);
                    idraMicros.add(q);
                }
            }
            print("BARE_US", bareMicros);
            print("IDRA_QUERY_US", idraMicros);
        }
    }

    /** One execution, prepared anew (as camel-sql does), read to the end; microseconds. */
    private static long time(Connection c, String sql, Db source, LocalDateTime ts, long id) throws Exception {
        String text = ts.toString().replace('T', ' ');
        long started = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (source.engine == Db.Engine.POSTGRES) {
                ps.setObject(1, ts);
                ps.setLong(2, id);
                ps.setFetchSize(5000);
            } else {
                ps.setString(1, text);
                ps.setString(2, text);
                ps.setString(3, text);
                ps.setLong(4, id);
                ps.setFetchSize(Integer.MIN_VALUE);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalStateException("the source has rows past " + ts + ", " + id);
                }
            }
        }
        c.commit();
        return (System.nanoTime() - started) / 1000;
    }

    private static void print(String label, List<Long> micros) {
        System.out.println(label + " " + micros.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }
}
