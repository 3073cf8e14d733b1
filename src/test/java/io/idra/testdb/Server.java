package io.idra.testdb;

import io.idra.model.ConnectorType;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A database server that tests may use (a local one or an embedded one, see {@link TestServers}). Tests do not
 * work in its existing databases: each asks for a fresh one with {@link #createDatabase(String)}.
 */
public final class Server {

    /** Lowercase so that PostgreSQL and MySQL agree on the name whether it is quoted or not. */
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectorType kind;
    private final String adminJdbcUrl;
    private final JdbcUrl url;
    private final String user;
    private final String password;

    Server(ConnectorType kind, String adminJdbcUrl, String user, String password) {
        this.kind = kind;
        this.adminJdbcUrl = adminJdbcUrl;
        this.url = JdbcUrl.parse(adminJdbcUrl, kind == ConnectorType.POSTGRES ? 5432 : 3306);
        this.user = user;
        this.password = password;
    }

    public ConnectorType kind() {
        return kind;
    }

    public String host() {
        return url.host();
    }

    public int port() {
        return url.port();
    }

    public String user() {
        return user;
    }

    /** Empty when the server takes no password (never null). */
    public String password() {
        return password;
    }

    /** A URL for server-wide work (creating databases); tests should work in a {@link TestDatabase} instead. */
    public String adminJdbcUrl() {
        return adminJdbcUrl;
    }

    /**
     * Creates {@code idra_<prefix>_<8 random [a-z0-9]>}: UTF8 from template0 on PostgreSQL, utf8mb4 with the
     * server's default collation on MySQL/MariaDB. Close it to drop it.
     *
     * @param prefix lowercase letters, digits and underscores, starting with a letter, at most 41 characters
     *               (database names are limited to 63 characters on PostgreSQL and 64 on MySQL)
     */
    public TestDatabase createDatabase(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("database prefix must match " + PREFIX + ": " + prefix);
        }
        String name = "idra_" + prefix + "_" + randomSuffix();
        String create = switch (kind) {
            case POSTGRES -> "CREATE DATABASE " + quote(name) + " ENCODING 'UTF8' TEMPLATE template0";
            case MYSQL -> "CREATE DATABASE " + quote(name) + " CHARACTER SET utf8mb4";
        };
        executeAsAdmin(create);
        return new TestDatabase(this, name);
    }

    @Override
    public String toString() {
        return kind + " " + url.hostForUrl() + ":" + port();
    }

    /** {@code "x"} with doubled quotes on PostgreSQL, {@code `x`} with doubled backticks on MySQL. */
    String quote(String identifier) {
        return switch (kind) {
            case POSTGRES -> '"' + identifier.replace("\"", "\"\"") + '"';
            case MYSQL -> '`' + identifier.replace("`", "``") + '`';
        };
    }

    JdbcUrl url() {
        return url;
    }

    Connection connect(String jdbcUrl) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    void executeAsAdmin(String sql) {
        try (Connection connection = connect(adminJdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("failed on " + this + ": " + sql, e);
        }
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
