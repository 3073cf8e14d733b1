package io.idra.testdb;

import io.idra.model.ConnectorType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fresh database that one test owns, created by {@link Server#createDatabase(String)} and dropped by
 * {@link #close()}. It offers the connection strings in the three forms the app meets (JDBC, and Idra's own
 * libpq / Go DSNs) and a few helpers to set up and check data.
 *
 * <p>To check a sync, read the source and the destination with {@link #canonicalRows(String)} and compare them row
 * by row: every value becomes one canonical text, so the same logical row reads equal from PostgreSQL and from
 * MySQL/MariaDB. The rules are listed on {@link CanonicalValue}.
 *
 * <p>The helpers (all but {@link #connect()}) open a connection per call and throw {@link IllegalStateException}
 * naming the statement when it fails, so tests need no {@code throws SQLException}.
 */
public final class TestDatabase implements AutoCloseable {

    private final Server server;
    private final String name;
    private final String jdbcUrl;
    private boolean closed;

    TestDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = server.url().withDatabase(name);
    }

    public Server server() {
        return server;
    }

    public ConnectorType kind() {
        return server.kind();
    }

    public String name() {
        return name;
    }

    /** The server's admin URL (parameters kept) with this database as the current one. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A new connection in autocommit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return server.connect(jdbcUrl);
    }

    /** {@code host=... port=... user=... dbname=... sslmode=disable [password=...]}: Idra's PostgresGORM form. */
    public String libpqDsn() {
        requireKind(ConnectorType.POSTGRES, "libpqDsn()");
        StringBuilder dsn = new StringBuilder()
                .append("host=").append(libpqValue(server.host()))
                .append(" port=").append(server.port())
                .append(" user=").append(libpqValue(server.user()))
                .append(" dbname=").append(libpqValue(name))
                .append(" sslmode=disable");
        if (!server.password().isEmpty()) {
            dsn.append(" password=").append(libpqValue(server.password()));
        }
        return dsn.toString();
    }

    /** {@code user:password@tcp(host:port)/name?charset=utf8mb4&parseTime=True&loc=Local}: Idra's MysqlGORM form. */
    public String goDsn() {
        requireKind(ConnectorType.MYSQL, "goDsn()");
        return server.user() + ":" + server.password() + "@tcp(" + server.url().hostForUrl() + ":" + server.port()
                + ")/" + name + "?charset=utf8mb4&parseTime=True&loc=Local";
    }

    /** The connection string an Idra connector record holds for this database: libpqDsn() or goDsn(). */
    public String idraConnectionString() {
        return switch (kind()) {
            case POSTGRES -> libpqDsn();
            case MYSQL -> goDsn();
        };
    }

    /** Quotes an identifier for this engine: {@code "x"} on PostgreSQL, {@code `x`} on MySQL. */
    public String quote(String identifier) {
        return server.quote(identifier);
    }

    /** Runs the statements in order, each committed on its own. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                run(sql, () -> statement.execute(sql));
            }
        } catch (SQLException e) {
            throw failure("opening a connection", e);
        }
    }

    /** The number of rows in a table of this database, named exactly as in the catalog (it is quoted). */
    public long count(String table) {
        String sql = "SELECT COUNT(*) FROM " + quote(table);
        return query(sql, resultSet -> {
            resultSet.next();
            return resultSet.getLong(1);
        });
    }

    /** Each row as column label (lower-cased) to value, as the driver's getObject returns it. */
    public List<Map<String, Object>> rows(String sql) {
        return query(sql, resultSet -> {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    row.put(metaData.getColumnLabel(column).toLowerCase(Locale.ROOT), resultSet.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        });
    }

    /** Each row as its values' canonical texts (see {@link CanonicalValue}); give the query an ORDER BY. */
    public List<List<String>> canonicalRows(String sql) {
        return query(sql, CanonicalValue::rows);
    }

    /**
     * Drops the database. On PostgreSQL {@code WITH (FORCE)} (PostgreSQL 13 or later) ends connections a test left
     * open, which would otherwise block the drop. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        String drop = switch (kind()) {
            case POSTGRES -> "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)";
            case MYSQL -> "DROP DATABASE IF EXISTS " + quote(name);
        };
        server.executeAsAdmin(drop);
        closed = true;
    }

    @Override
    public String toString() {
        return name + " on " + server;
    }

    private <T> T query(String sql, ResultSetFunction<T> reader) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return run(sql, () -> {
                try (ResultSet resultSet = statement.executeQuery(sql)) {
                    return reader.apply(resultSet);
                }
            });
        } catch (SQLException e) {
            throw failure("opening a connection", e);
        }
    }

    private <T> T run(String sql, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("failed on " + this + ": " + what, e);
    }

    private void requireKind(ConnectorType expected, String method) {
        if (kind() != expected) {
            throw new IllegalStateException(method + " is for " + expected + " databases; " + this + " is " + kind());
        }
    }

    /** libpq wants values with spaces, quotes or backslashes single-quoted and backslash-escaped. */
    private static String libpqValue(String value) {
        if (!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '\'' || c == '\\')) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    private interface ResultSetFunction<T> {
        T apply(ResultSet resultSet) throws SQLException;
    }
}
