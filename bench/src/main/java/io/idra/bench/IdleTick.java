package io.idra.bench;

import io.idra.app.IdraApplication;
import io.idra.app.SyncLoader;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The cost of one idle tick, measured inside idra: caught-up Timestamp syncs ticking every second, run in this JVM
 * through idra's own API, and each tick's duration as idra's status records it (from the tick's start in
 * TickStarter to its end in TickEnder, i.e. without Quartz's dispatch).
 *
 * <p>A node runs for days, so the tick is measured warm: all the syncs tick for the warm-up (the JIT compiles the
 * tick's code as it would after hours of one sync), then all but the first are stopped and the first one's ticks are
 * measured. The bare index query such a tick needs ({@code ... WHERE (ts, id) > (?, ?) ORDER BY ts, id LIMIT 1}) is
 * timed twice on a plain JDBC connection to the same source, prepared anew each time as camel-sql does: at the
 * tick's pace, once a second half a second after each measured tick (the database, the driver and the CPU's caches
 * as cold as the tick finds them), and back to back after 200 runs to warm up, with idra's own query (no LIMIT) in
 * turn, at least 100 times.
 *
 * <p>Usage: {@code IdleTick STATE_URL ENGINE(pg|my) WARMUP_SECONDS TICKS TIMESTAMP ID SYNC_FILE...}; the first file
 * is the measured sync. Prints {@code TICK_US}, {@code BARE_PACED_US}, {@code BARE_US} and {@code IDRA_QUERY_US}
 * lines of microseconds.
 */
public final class IdleTick {

    private static final int QUERY_WARMUP = 200;

    private IdleTick() {
    }

    public static void main(String[] args) throws Exception {
        String stateUrl = args[0];
        Db source = Db.of(args[1]);
        int warmupSeconds = Integer.parseInt(args[2]);
        int ticks = Integer.parseInt(args[3]);
        LocalDateTime ts = LocalDateTime.parse(args[4]);
        long id = Long.parseLong(args[5]);
        List<Path> files = Arrays.stream(args, 6, args.length).map(Path::of).toList();

        SyncLoader.Loaded loaded = SyncLoader.load(files);
        if (!loaded.ok()) {
            throw new IllegalStateException("sync files not valid: " + loaded.errors());
        }
        String measured = loaded.syncs().get(0).name();
        IdraApplication app = new IdraApplication(loaded, Map.of("idra.state.url", stateUrl));
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        List<Long> paced = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch warm = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(ticks);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        app.catalog().addListener((sync, rows, error) -> {
            if (error != null || rows != 0) {
                errors.add(error != null ? error : rows + " rows copied: the sync was not caught up");
            }
            if (warm.getCount() == 0 && sync.sync().name().equals(measured) && done.getCount() > 0) {
                if (micros.isEmpty()) {
                    // the bare query runs once a second too, half a second after this sync's ticks
                    pace.scheduleAtFixedRate(() -> paced.add(timeQuietly(source, ts, id, errors)), 500, 1000,
                            TimeUnit.MILLISECONDS);
                }
                micros.add(sync.status().lastTickDuration().toNanos() / 1000);
                done.countDown();
            }
        });
        Thread runner = new Thread(() -> {
            try {
                app.runForever();
            } catch (Exception e) {
                errors.add(e.toString());
            }
        }, "idra");
        runner.start();
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        for (int i = 1; i < loaded.syncs().size(); i++) {
            app.camelContext().getRouteController().stopRoute(loaded.syncs().get(i).routeId());
        }
        warm.countDown();
        boolean finished = done.await(ticks + 60L, TimeUnit.SECONDS);
        pace.shutdown();
        pace.awaitTermination(10, TimeUnit.SECONDS);
        if (pacedConnection != null) {
            pacedConnection.close();
        }
        app.stop();
        runner.join(60_000);
        if (!finished || !errors.isEmpty()) {
            throw new IllegalStateException("idle ticks did not run as expected: " + errors);
        }
        print("TICK_US", micros);
        print("BARE_PACED_US", paced);

        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            List<Long> bareMicros = new ArrayList<>();
            List<Long> idraMicros = new ArrayList<>();
            for (int run = -QUERY_WARMUP; run < Math.max(100, ticks); run++) {
                long b = time(c, bare(source), source, ts, id);
                long q = time(c, bare(source).replace(" LIMIT 1", ""), source, ts, id);
                if (run >= 0) {
                    bareMicros.add(b);
                    idraMicros.add(q);
                }
            }
            print("BARE_US", bareMicros);
            print("IDRA_QUERY_US", idraMicros);
        }
    }

    private static String bare(Db source) {
        return source.engine == Db.Engine.POSTGRES
                ? "SELECT * FROM src WHERE (updated_at, id) > (?, ?) ORDER BY updated_at, id LIMIT 1"
                : "SELECT * FROM src WHERE updated_at >= ? AND ((updated_at > ?) OR (updated_at = ? AND id > ?))"
                + " ORDER BY updated_at, id LIMIT 1";
    }

    /** The paced runs' connection, kept open as a pool keeps its connections; used by the pace thread only. */
    private static Connection pacedConnection;

    /** The bare query on a connection of its own, as a tick takes one from its pool. */
    private static long timeQuietly(Db source, LocalDateTime ts, long id, List<String> errors) {
        try {
            if (pacedConnection == null) {
                pacedConnection = source.connect();
                pacedConnection.setAutoCommit(false);
            }
            return time(pacedConnection, bare(source), source, ts, id);
        } catch (Exception e) {
            errors.add("bare query: " + e);
            return -1;
        }
    }

    /** One execution, prepared anew (as camel-sql does), read to the end, then the transaction ended; microseconds. */
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
