package io.idra.demo;

import io.idra.model.ConnectorType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database server the demo works on, embedded or local, and the name of the database it creates there.
 *
 * @param kind        PostgreSQL or MySQL/MariaDB
 * @param host        an IP address or host name (no brackets)
 * @param port        TCP port
 * @param user        login
 * @param password    empty when none is needed (never null)
 * @param embedded    started by the demo (and gone when it ends), or a server that was already running
 * @param database    the demo's database on this server: {@code school} on an embedded server, as in the docs;
 *                    {@code idra_demo_school} on a local one, so that a real {@code school} is never touched
 * @param description for messages, e.g. {@code embedded PostgreSQL 14.22 on 127.0.0.1:41234}
 */
public record DemoServer(ConnectorType kind, String host, int port, String user, String password, boolean embedded,
                         String database, String description) {

    /** The database the demo uses on an embedded server: the name the docs use. */
    public static final String EMBEDDED_DATABASE = "school";
    /** The database the demo creates, and drops at the end, on a server that was already running. */
    public static final String LOCAL_DATABASE = "idra_demo_school";

    /** PostgreSQL, or MySQL/MariaDB. */
    public String engine() {
        return kind == ConnectorType.POSTGRES ? "PostgreSQL" : "MySQL/MariaDB";
    }

    /** A JDBC URL for {@code db}, or for the server's default database when {@code db} is null. */
    public String jdbcUrl(String db) {
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return switch (kind) {
            case POSTGRES -> "jdbc:postgresql://" + hostPort + "/" + (db == null ? "postgres" : db) + "?sslmode=disable";
            case MYSQL -> "jdbc:mysql://" + hostPort + "/" + (db == null ? "" : db)
                    + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        };
    }

    /** A new autocommit connection to {@code db} (null: the server's default database). */
    public Connection connect(String db, int timeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (timeoutSeconds > 0) {
            if (kind == ConnectorType.POSTGRES) {
                properties.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
                properties.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
            } else {
                properties.setProperty("connectTimeout", String.valueOf(timeoutSeconds * 1000));
            }
        }
        return DriverManager.getConnection(jdbcUrl(db), properties);
    }

    /** A connection to the demo's database. */
    public Connection connect() throws SQLException {
        return connect(database, 10);
    }

    /**
     * The seed record's connection string pointed at the demo's database: only the server, login and database
     * change; the record's other parameters (sslmode, TimeZone, charset, parseTime, loc) stay as they are.
     */
    public String idraConnectionString(String seedConnectionString) {
        return switch (kind) {
            case POSTGRES -> libpq(seedConnectionString);
            case MYSQL -> goDsn(seedConnectionString);
        };
    }

    /** {@code host=... user=... [password=...] dbname=... port=...} replaced, every other key kept in its place. */
    private String libpq(String seed) {
        StringBuilder out = new StringBuilder();
        boolean sawPassword = false;
        for (String token : seed.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq);
            String value = switch (key) {
                case "host" -> host;
                case "port" -> String.valueOf(port);
                case "user" -> user;
                case "dbname" -> database;
                case "password" -> {
                    sawPassword = true;
                    yield password().isEmpty() ? null : password();
                }
                default -> eq < 0 ? null : token.substring(eq + 1);
            };
            if (value != null) {
                out.append(out.length() == 0 ? "" : " ").append(key).append('=').append(libpqValue(value));
            }
        }
        if (!sawPassword && !password().isEmpty()) {
            out.append(" password=").append(libpqValue(password()));
        }
        return out.toString();
    }

    /** {@code user:password@tcp(host:port)/db?params}: the seed's params kept. */
    private String goDsn(String seed) {
        int question = seed.indexOf('?');
        String params = question < 0 ? "" : seed.substring(question);
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return user + ":" + password + "@tcp(" + hostPort + ")/" + database + params;
    }

    /** libpq wants values with spaces, quotes or backslashes single-quoted and backslash-escaped. */
    private static String libpqValue(String value) {
        if (!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '\'' || c == '\\')) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String toString() {
        return description;
    }
}
