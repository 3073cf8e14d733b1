package io.idra.demo;

import io.idra.model.ConnectorType;

import java.sql.SQLException;
import java.util.Map;

/**
 * The servers that may already run on this machine, reached with the variables their own command-line clients
 * read: {@code PGHOST} (default 127.0.0.1), {@code PGPORT} (5432), {@code PGUSER} (postgres), {@code PGPASSWORD}
 * (none); {@code MYSQL_HOST} (127.0.0.1), {@code MYSQL_TCP_PORT} (3306), {@code MYSQL_USER} (root),
 * {@code MYSQL_PWD} (none). The demo's database there is {@code IDRA_DEMO_DATABASE} (default
 * {@value DemoServer#LOCAL_DATABASE}; lower-case letters, digits and underscores), so that two demos, or two test
 * runs, on one server can keep apart.
 */
public final class LocalServers {

    private static final int TIMEOUT_SECONDS = 3;

    private final Map<String, String> environment;

    public LocalServers(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Where the local server of this kind is expected, for messages: {@code postgres@127.0.0.1:5432}. */
    public String where(ConnectorType kind) {
        DemoServer server = configured(kind);
        return server.user() + "@" + server.host() + ":" + server.port();
    }

    /**
     * Connects once, with a short timeout.
     *
     * @return the server, its database being the demo's database name
     * @throws SQLException when it does not answer or refuses the login
     */
    public DemoServer probe(ConnectorType kind) throws SQLException {
        DemoServer configured = configured(kind);
        String version = EmbeddedDatabases.version(configured, TIMEOUT_SECONDS);
        return new DemoServer(kind, configured.host(), configured.port(), configured.user(), configured.password(),
                false, configured.database(), "local " + version + " on " + configured.host() + ":"
                + configured.port() + " as " + configured.user());
    }

    private DemoServer configured(ConnectorType kind) {
        boolean pg = kind == ConnectorType.POSTGRES;
        String host = get(pg ? "PGHOST" : "MYSQL_HOST", "127.0.0.1");
        String portVariable = pg ? "PGPORT" : "MYSQL_TCP_PORT";
        int port;
        try {
            port = Integer.parseInt(get(portVariable, pg ? "5432" : "3306"));
        } catch (NumberFormatException e) {
            throw new DemoFailure(portVariable + " must be a port number, not " + environment.get(portVariable));
        }
        String user = get(pg ? "PGUSER" : "MYSQL_USER", pg ? "postgres" : "root");
        String password = get(pg ? "PGPASSWORD" : "MYSQL_PWD", "");
        return new DemoServer(kind, host, port, user, password, false, database(), "local");
    }

    /** The demo's database on a local server; the name goes into DDL, so only a plain identifier is accepted. */
    private String database() {
        String name = get("IDRA_DEMO_DATABASE", DemoServer.LOCAL_DATABASE);
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new DemoFailure("IDRA_DEMO_DATABASE must be lower-case letters, digits and underscores, starting"
                    + " with a letter (at most 63), not " + name);
        }
        return name;
    }

    private String get(String name, String defaultValue) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /** The innermost cause says it shortest ("Connection refused"); the drivers wrap it in paragraphs of advice. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
