package io.idra.demo;

import io.idra.model.ConnectorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's PostgreSQL and MySQL/MariaDB servers, chosen (and, when embedded, started) side by side.
 *
 * <p>By default both are embedded, even when servers answer on this machine, so that the demo never touches a real
 * server. An embedded server that cannot start is named, and the local server of that kind is used instead when
 * it answers. With {@code --use-local} both must be local servers. {@link #close()} stops the embedded ones.
 */
public final class DemoServers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.demo");

    private final List<EmbeddedDatabases.Running> embedded;
    private final DemoServer postgres;
    private final DemoServer mysql;

    private DemoServers(List<EmbeddedDatabases.Running> embedded, DemoServer postgres, DemoServer mysql) {
        this.embedded = embedded;
        this.postgres = postgres;
        this.mysql = mysql;
    }

    /** A server chosen for one engine, and the embedded server to stop at the end (null for a local one). */
    private record Choice(DemoServer server, EmbeddedDatabases.Running running) {
    }

    /**
     * @throws DemoFailure when a server of either kind can be neither started nor reached
     */
    public static DemoServers choose(boolean useLocal, LocalServers local) {
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "idra-demo-servers");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<Choice> pg = CompletableFuture.supplyAsync(
                    () -> choose(ConnectorType.POSTGRES, useLocal, local), threads);
            CompletableFuture<Choice> my = CompletableFuture.supplyAsync(
                    () -> choose(ConnectorType.MYSQL, useLocal, local), threads);
            Choice postgres = join(pg);
            Choice mysql = join(my);
            if (postgres == null || mysql == null) {
                Stream.of(postgres, mysql).filter(Objects::nonNull).map(Choice::running).filter(Objects::nonNull)
                        .forEach(EmbeddedDatabases.Running::close);
                List<RuntimeException> failures = Stream.of(pg, my).filter(CompletableFuture::isCompletedExceptionally)
                        .map(DemoServers::failureOf).toList();
                throw failures.size() == 1 ? failures.get(0) : new DemoFailure(failures.stream()
                        .map(Throwable::getMessage).collect(Collectors.joining("; ")), failures.get(0));
            }
            return new DemoServers(Stream.of(postgres, mysql).map(Choice::running).filter(Objects::nonNull).toList(),
                    postgres.server(), mysql.server());
        } finally {
            threads.shutdown();
        }
    }

    public DemoServer postgres() {
        return postgres;
    }

    public DemoServer mysql() {
        return mysql;
    }

    /** Stops the embedded servers (their files are deleted). */
    @Override
    public void close() {
        embedded.forEach(EmbeddedDatabases.Running::close);
    }

    private static Choice choose(ConnectorType kind, boolean useLocal, LocalServers local) {
        String engine = kind == ConnectorType.POSTGRES ? "PostgreSQL" : "MySQL/MariaDB";
        if (useLocal) {
            try {
                return new Choice(local.probe(kind), null);
            } catch (SQLException e) {
                throw new DemoFailure("--use-local: no " + engine + " answers as " + local.where(kind) + " ("
                        + LocalServers.rootMessage(e) + ")", e);
            }
        }
        String embeddedName = kind == ConnectorType.POSTGRES ? "PostgreSQL" : "MariaDB";
        try {
            EmbeddedDatabases.Running running = kind == ConnectorType.POSTGRES ? EmbeddedDatabases.startPostgres()
                    : EmbeddedDatabases.startMariaDb();
            return new Choice(running.server(), running);
        } catch (Exception | LinkageError e) {
            String problem = EmbeddedDatabases.problem(e);
            LOG.warn("could not start the embedded {}: {}", embeddedName, problem);
            try {
                DemoServer server = local.probe(kind);
                LOG.warn("falling back to the {} (database {}, dropped at the end)", server.description(),
                        server.database());
                return new Choice(server, null);
            } catch (SQLException localProblem) {
                throw new DemoFailure("could not start the embedded " + embeddedName + " (" + problem
                        + "), and no local " + engine + " answers as " + local.where(kind) + " ("
                        + LocalServers.rootMessage(localProblem) + ")", e);
            }
        }
    }

    /** The value, or null when the choice failed (the failure is read with failureOf). */
    private static Choice join(CompletableFuture<Choice> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private static RuntimeException failureOf(CompletableFuture<Choice> future) {
        try {
            future.join();
            return new IllegalStateException("not failed");
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            return cause instanceof RuntimeException runtime ? runtime : new DemoFailure(String.valueOf(cause), cause);
        }
    }
}
