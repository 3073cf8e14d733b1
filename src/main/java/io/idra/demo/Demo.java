package io.idra.demo;

import io.idra.app.IdraApplication;
import io.idra.app.OnceRun;
import io.idra.model.Sync;
import io.idra.route.SyncCatalog;
import io.idra.route.SyncRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The live demo: a PostgreSQL {@code school.bimbi} table that keeps changing, copied to MySQL/MariaDB by the seed
 * record of the docs, run by the normal engine ({@link IdraApplication}) until Ctrl-C or for a given time; then the
 * writer stops, a last tick catches up, and source and destination are compared row by row.
 *
 * <p>Exit code 0 when they match, 1 otherwise or when the demo could not run.
 */
public final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.demo");

    /**
     * The state store: in memory, so repeated demos start fresh and nothing is written under ./data (where a real
     * deployment of the same seed record, with the same sync id, may keep its offsets). The seed's mode,
     * LastDestinationTimestamp, keeps its position in the destination table anyway.
     */
    static final String STATE_URL = "jdbc:h2:mem:idra-demo-state;DB_CLOSE_DELAY=-1";

    static final int FIRST_CHILDREN = 100;
    static final int NEW_CHILDREN_PER_SECOND = 3;
    static final int BIRTHDAYS_PER_SECOND = 2;
    static final long PROGRESS_SECONDS = 5;

    /**
     * @param useLocal   use the servers already running on this machine instead of embedded ones
     * @param insertOnly keep the seed's save_mode Insert; the writer then only inserts
     * @param seconds    stop after this many seconds of syncing; 0 runs until Ctrl-C
     */
    public record Options(boolean useLocal, boolean insertOnly, long seconds) {
    }

    /** The final lines (the comparison) and the exit code, printed once the demo's databases are gone. */
    private record Outcome(List<String> lines, int exitCode) {
    }

    private final Options options;
    private final Map<String, String> environment;

    public Demo(Options options, Map<String, String> environment) {
        this.options = options;
        this.environment = environment;
    }

    public int run() {
        StopSignals signals = StopSignals.install();
        LOG.info("starting a PostgreSQL and a MySQL/MariaDB server ({})", options.useLocal()
                ? "--use-local: the servers already running here" : "embedded, never the servers running here");
        Outcome outcome;
        try (DemoServers servers = DemoServers.choose(options.useLocal(), new LocalServers(environment))) {
            LOG.info("source:      {}, database {}", servers.postgres(), servers.postgres().database());
            LOG.info("destination: {}, database {}", servers.mysql(), servers.mysql().database());
            if (signals.requested()) {
                return StopSignals.INTERRUPTED;
            }
            outcome = withDatabases(servers, signals);
        } catch (DemoFailure e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("error: the demo failed: " + LocalServers.rootMessage(e));
            LOG.debug("demo failure", e);
            return 1;
        }
        outcome.lines().forEach(System.out::println);
        return outcome.exitCode();
    }

    private Outcome withDatabases(DemoServers servers, StopSignals signals) {
        List<SchoolDatabase> created = new ArrayList<>();
        Path work = null;
        try {
            List<String> notes = new ArrayList<>();
            SchoolDatabase source = SchoolDatabase.create(servers.postgres(), notes);
            created.add(source);
            SchoolDatabase destination = SchoolDatabase.create(servers.mysql(), notes);
            created.add(destination);
            notes.forEach(LOG::info);
            work = Files.createTempDirectory("idra-demo-");
            return withSync(source, destination, work, signals);
        } catch (SQLException e) {
            throw new DemoFailure("the demo's databases: " + LocalServers.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(List.of(), StopSignals.INTERRUPTED);
        } catch (DemoFailure e) {
            throw e;
        } catch (Exception e) {
            LOG.debug("demo failure", e);
            throw new DemoFailure("the demo failed: " + LocalServers.rootMessage(e), e);
        } finally {
            for (SchoolDatabase school : created) {
                dropIfLocal(school);
            }
            deleteQuietly(work);
        }
    }

    private Outcome withSync(SchoolDatabase source, SchoolDatabase destination, Path work, StopSignals signals)
            throws Exception {
        List<String> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Sync> syncs = DemoSync.load(source.server(), destination.server(), !options.insertOnly(), work, changes,
                warnings);
        Sync sync = syncs.get(0);
        LOG.info("sync '{}': the seed record of the docs (seed-sync.json, {}, PostgreSQL → MySQL), changed only"
                + " here:", sync.name(), sync.mode().jsonName());
        changes.forEach(change -> LOG.info("  {}", change));
        warnings.forEach(warning -> LOG.warn("{}", warning));

        ChildWriter writer = new ChildWriter(source, NEW_CHILDREN_PER_SECOND,
                options.insertOnly() ? 0 : BIRTHDAYS_PER_SECOND);
        writer.enrol(FIRST_CHILDREN);
        LOG.info("writer: {} children in the source; from now on {} new ones a second{}", FIRST_CHILDREN,
                NEW_CHILDREN_PER_SECOND, options.insertOnly() ? " (insert-only)"
                        : " and " + BIRTHDAYS_PER_SECOND + " birthdays (eta + 1, ts = now)");

        Map<String, String> overrides = Map.of("idra.state.url", STATE_URL);
        IdraApplication app = new IdraApplication(syncs, overrides);
        app.catalog().addListener(new FirstRows());
        Thread engine = new Thread(() -> {
            try {
                app.runForever();
            } catch (Exception e) {
                LOG.error("the sync engine stopped: {}", LocalServers.rootMessage(e));
                signals.request();
            }
        }, "idra-engine");
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idra-demo-progress");
            thread.setDaemon(true);
            return thread;
        });
        try (writer) {
            engine.start();
            writer.start();
            progress.scheduleAtFixedRate(() -> progress(source, destination), PROGRESS_SECONDS, PROGRESS_SECONDS,
                    TimeUnit.SECONDS);
            LOG.info(options.seconds() > 0 ? "running for " + options.seconds() + " s (Ctrl-C stops earlier)"
                    : "running until Ctrl-C");
            signals.await(TimeUnit.SECONDS.toMillis(options.seconds()));
        } finally {
            // a count in progress ends on its own; interrupting it would only print a warning
            progress.shutdown();
            progress.awaitTermination(10, TimeUnit.SECONDS);
        }
        LOG.info("writer stopped: {} children enrolled, {} birthdays", writer.inserted(), writer.updated());
        app.stop();
        engine.join(TimeUnit.SECONDS.toMillis(90));
        if (engine.isAlive()) {
            LOG.warn("the sync engine has not stopped after 90 s; running the last tick anyway");
        }
        progress(source, destination);

        LOG.info("last tick, until the destination has caught up");
        OnceRun last = new IdraApplication(syncs, overrides).runOnce(5, TimeUnit.MINUTES);
        if (last.error(sync.name()) == null) {
            LOG.info("last tick: {} rows copied", last.rows(sync.name()));
        }
        last.errors().forEach(error -> System.err.println("error: " + error));

        RowComparison comparison = RowComparison.of(source.children(), destination.children());
        return new Outcome(comparison.report(), comparison.matches() && last.errors().isEmpty() ? 0 : 1);
    }

    private static void progress(SchoolDatabase source, SchoolDatabase destination) {
        try {
            LOG.info("source {} rows, destination {} rows", source.count(), destination.count());
        } catch (SQLException e) {
            LOG.warn("could not count the rows: {}", LocalServers.rootMessage(e));
        }
    }

    private static void dropIfLocal(SchoolDatabase school) {
        if (school.server().embedded()) {
            return;
        }
        try {
            school.dropIfLocal();
            LOG.info("dropped the database {} from the {}", school.server().database(), school.server());
        } catch (SQLException e) {
            LOG.warn("could not drop the database {} from the {}: {}", school.server().database(), school.server(),
                    LocalServers.rootMessage(e));
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it eventually
        }
    }

    /** Says once how long the command took to copy its first rows, from the start of the JVM. */
    private static final class FirstRows implements SyncCatalog.TickListener {

        private final AtomicBoolean said = new AtomicBoolean();

        @Override
        public void tickEnded(SyncRuntime sync, long rows, String error) {
            if (rows > 0 && said.compareAndSet(false, true)) {
                long started = ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info(String.format(Locale.ROOT, "first rows copied %.1f s after the command started",
                        (System.currentTimeMillis() - started) / 1000.0));
            }
        }
    }
}
