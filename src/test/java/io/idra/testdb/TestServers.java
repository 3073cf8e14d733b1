package io.idra.testdb;

import io.idra.model.ConnectorType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The PostgreSQL and MySQL/MariaDB servers that integration tests use, chosen once per JVM on first use.
 *
 * <p>Each is the server at a configured URL when it answers within {@value #CONNECT_TIMEOUT_SECONDS} s, otherwise
 * an embedded one started on a free port (see {@link EmbeddedServers}), so the tests run the same on CI and on a
 * laptop with no database installed. One line on System.err says which server is used.
 *
 * <p>Settings, each an environment variable or the same name as a Java system property, lower-cased with dots
 * ({@code -Didra.test.pg.url=...}); the property wins:
 * <ul>
 *   <li>{@code IDRA_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 *       {@code IDRA_TEST_PG_USER} (postgres), {@code IDRA_TEST_PG_PASSWORD} (empty);</li>
 *   <li>{@code IDRA_TEST_MYSQL_URL} (default {@code jdbc:mysql://127.0.0.1:3306/}), {@code IDRA_TEST_MYSQL_USER}
 *       (root), {@code IDRA_TEST_MYSQL_PASSWORD} (empty);</li>
 *   <li>{@code IDRA_TEST_EMBEDDED}: {@code always} to use embedded servers even where a server answers (to test the
 *       fallback), {@code auto} or unset for the above.</li>
 * </ul>
 * A URL that is set explicitly but does not answer is an error rather than a reason to fall back: the setting says
 * which server the tests are meant to run against.
 */
public final class TestServers {

    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private static final Lazy<Server> POSTGRES = new Lazy<>(() -> choose(ConnectorType.POSTGRES));
    private static final Lazy<Server> MYSQL = new Lazy<>(() -> choose(ConnectorType.MYSQL));

    private TestServers() {
    }

    public static Server postgres() {
        return POSTGRES.get();
    }

    public static Server mysql() {
        return MYSQL.get();
    }

    private static Server choose(ConnectorType kind) {
        boolean postgres = kind == ConnectorType.POSTGRES;
        String label = postgres ? "PostgreSQL" : "MySQL";
        String prefix = postgres ? "IDRA_TEST_PG_" : "IDRA_TEST_MYSQL_";
        Setting url = Setting.read(prefix + "URL",
                postgres ? "jdbc:postgresql://127.0.0.1:5432/postgres" : "jdbc:mysql://127.0.0.1:3306/");
        Server configured = new Server(kind, url.value(),
                Setting.read(prefix + "USER", postgres ? "postgres" : "root").value(),
                Setting.read(prefix + "PASSWORD", "").value());

        String reason;
        if (embeddedForced()) {
            reason = "IDRA_TEST_EMBEDDED=always";
        } else {
            try {
                String version = version(configured, true);
                log(label, configured, url.explicit() ? "from " + url.source() : "local server", version);
                return configured;
            } catch (SQLException e) {
                String problem = configured.url().hostForUrl() + ":" + configured.port()
                        + " does not answer (" + rootMessage(e) + ")";
                if (url.explicit()) {
                    throw new IllegalStateException(label + " for tests, from " + url.source() + ": " + problem, e);
                }
                reason = problem;
            }
        }

        long start = System.nanoTime();
        Server embedded = postgres ? EmbeddedServers.startPostgres() : EmbeddedServers.startMariaDb();
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            log(label, embedded, String.format(Locale.ROOT, "embedded, started in %.1f s; %s", seconds, reason),
                    version(embedded, false));
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded " + label + " started but takes no connection", e);
        }
        return embedded;
    }

    private static boolean embeddedForced() {
        String mode = Setting.read("IDRA_TEST_EMBEDDED", "auto").value();
        return switch (mode) {
            case "always" -> true;
            case "auto", "" -> false;
            default -> throw new IllegalArgumentException("IDRA_TEST_EMBEDDED must be always or auto, not " + mode);
        };
    }

    /** Connects once (with a short timeout when probing) and returns the server's version text. */
    private static String version(Server server, boolean probe) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password());
        if (probe) {
            if (server.kind() == ConnectorType.POSTGRES) {
                properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
                properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
            } else {
                properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
                properties.setProperty("socketTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
            }
        }
        String sql = server.kind() == ConnectorType.POSTGRES ? "SHOW server_version" : "SELECT VERSION()";
        try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), properties);
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getString(1);
        }
    }

    /** The innermost cause says it shortest ("Connection refused"); the drivers wrap it in paragraphs of advice. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** For example {@code PostgreSQL for tests: 127.0.0.1:5432 (local server), version 15.20}. */
    private static void log(String label, Server server, String origin, String version) {
        System.err.println(label + " for tests: " + server.url().hostForUrl() + ":" + server.port()
                + " (" + origin + "), version " + version);
    }

    /**
     * A setting from a system property (lower-case, dotted) or else the environment variable of that name.
     * {@code source} names where the value came from, for messages; it is null for the default.
     */
    private record Setting(String value, String source) {

        static Setting read(String variable, String defaultValue) {
            String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            if (System.getProperty(property) != null) {
                return new Setting(System.getProperty(property), "system property " + property);
            }
            if (System.getenv(variable) != null) {
                return new Setting(System.getenv(variable), "environment variable " + variable);
            }
            return new Setting(defaultValue, null);
        }

        boolean explicit() {
            return source != null;
        }
    }

    /**
     * Computes a value on first use, once, under a lock. A failure is kept too: every test asking for a server that
     * could not be started gets the same cause at once, instead of trying again for as long as the first attempt took.
     */
    private static final class Lazy<T> {

        private final Supplier<T> supplier;
        private T value;
        private RuntimeException failure;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null && failure == null) {
                try {
                    value = supplier.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException("no test server (the first attempt in this JVM failed)", failure);
            }
            return value;
        }
    }
}
