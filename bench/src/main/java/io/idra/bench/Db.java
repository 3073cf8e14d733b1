package io.idra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One database server of the benchmark and its database {@link #NAME}, which the benchmark creates and drops.
 * Addresses come from the same variables as {@code idra demo --use-local}: PGHOST, PGPORT, PGUSER, PGPASSWORD,
 * MYSQL_HOST, MYSQL_TCP_PORT, MYSQL_USER, MYSQL_PWD (defaults: 127.0.0.1, postgres / root, no password).
 */
final class Db {

    enum Engine { POSTGRES, MYSQL }

    static final String NAME = env("IDRA_BENCH_DATABASE", "idra_bench");

    final Engine engine;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private Db(Engine engine, String host, int port, String user, String password) {
        this.engine = engine;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    static Db postgres() {
        return new Db(Engine.POSTGRES, env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"), env("PGPASSWORD", ""));
    }

    static Db mysql() {
        return new Db(Engine.MYSQL, env("MYSQL_HOST", "127.0.0.1"), Integer.parseInt(env("MYSQL_TCP_PORT", "3306")),
                env("MYSQL_USER", "root"), env("MYSQL_PWD", ""));
    }

    static Db of(String engine) {
        return engine.equals("pg") ? postgres() : mysql();
    }

    String id() {
        return engine == Engine.POSTGRES ? "pg" : "my";
    }

    String label() {
        return engine == Engine.POSTGRES ? "PostgreSQL" : "MariaDB";
    }

    /** A connection to the benchmark database (autocommit on) with extra driver properties. */
    Connection connect(Map<String, String> extra) throws SQLException {
        return connect(NAME, extra);
    }

    Connection connect() throws SQLException {
        return connect(NAME, Map.of());
    }

    /** A connection outside the benchmark database (so it is not counted among idra's connections). */
    Connection admin() throws SQLException {
        return connect(engine == Engine.POSTGRES ? "postgres" : "", Map.of());
    }

    private Connection connect(String database, Map<String, String> extra) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        if (engine == Engine.MYSQL) {
            // as idra's Go DSN `charset=utf8mb4&loc=Local` without tls
            props.setProperty("characterEncoding", "UTF-8");
            props.setProperty("connectionTimeZone", "LOCAL");
            props.setProperty("sslMode", "DISABLED");
            props.setProperty("allowPublicKeyRetrieval", "true");
        } else {
            props.setProperty("sslmode", "disable");
        }
        extra.forEach(props::setProperty);
        String url = engine == Engine.POSTGRES ? "jdbc:postgresql://" + host + ":" + port + "/" + database
                : "jdbc:mysql://" + host + ":" + port + "/" + database;
        return DriverManager.getConnection(url, props);
    }

    /** The connection string of an Idra sync record for the benchmark database. */
    String idraConnectionString() {
        if (engine == Engine.POSTGRES) {
            return "host=" + host + " port=" + port + " user=" + user + " dbname=" + NAME + " sslmode=disable"
                    + (password.isEmpty() ? "" : " password=" + password);
        }
        return user + ":" + password + "@tcp(" + host + ":" + port + ")/" + NAME
                + "?charset=utf8mb4&parseTime=True&loc=Local";
    }

    void createDatabase() throws SQLException {
        dropDatabase();
        adminExecute(engine == Engine.POSTGRES ? "CREATE DATABASE " + NAME
                : "CREATE DATABASE " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    void dropDatabase() throws SQLException {
        adminExecute("DROP DATABASE IF EXISTS " + NAME + (engine == Engine.POSTGRES ? " WITH (FORCE)" : ""));
    }

    private void adminExecute(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first row of a query as text values. */
    List<String> row(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.add(rs.getString(i));
                    }
                }
                return values;
            }
        }
    }

    /** Connections other clients hold to the benchmark database right now. */
    int connectionsToBenchDatabase() throws SQLException {
        String sql = engine == Engine.POSTGRES
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"
                : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()";
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    String version() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server settings that matter most for these numbers. */
    String settings() throws SQLException {
        String sql = engine == Engine.POSTGRES
                ? "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings"
                + " WHERE name IN ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'work_mem', 'fsync')"
                : "SELECT GROUP_CONCAT(CONCAT(VARIABLE_NAME, '=', VARIABLE_VALUE) ORDER BY VARIABLE_NAME SEPARATOR ', ')"
                + " FROM information_schema.GLOBAL_VARIABLES WHERE VARIABLE_NAME IN ('INNODB_BUFFER_POOL_SIZE',"
                + " 'INNODB_FLUSH_LOG_AT_TRX_COMMIT', 'INNODB_LOG_FILE_SIZE', 'SYNC_BINLOG', 'LOG_BIN')";
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
