package io.idra.demo;

import io.idra.model.ConnectorType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The docs' {@code school} database with its {@code bimbi} table (id bigint primary key, nome varchar, eta int,
 * ts timestamp(6) on PostgreSQL and datetime(6) on MySQL/MariaDB), on one demo server.
 */
public final class SchoolDatabase {

    public static final String TABLE = "bimbi";

    /** One child, as read back for the final comparison. */
    public record Child(long id, String nome, Integer eta, LocalDateTime ts) {
    }

    private final DemoServer server;

    private SchoolDatabase(DemoServer server) {
        this.server = server;
    }

    /**
     * Creates the database and an empty {@code bimbi} table. On a local server, an {@code idra_demo_school} left by
     * an earlier demo that did not get to its end is dropped first (the name is the demo's own), and
     * {@code notes} gets a line saying so.
     */
    public static SchoolDatabase create(DemoServer server, List<String> notes) throws SQLException {
        SchoolDatabase school = new SchoolDatabase(server);
        boolean pg = server.kind() == ConnectorType.POSTGRES;
        try (Connection admin = server.connect(null, 10); Statement statement = admin.createStatement()) {
            if (!server.embedded() && school.exists(admin)) {
                statement.execute(school.dropSql(admin));
                notes.add("dropped the database " + server.database() + " that an earlier demo left on the "
                        + server.description());
            }
            statement.execute(pg ? "CREATE DATABASE " + server.database() + " ENCODING 'UTF8' TEMPLATE template0"
                                 : "CREATE DATABASE " + server.database() + " CHARACTER SET utf8mb4");
        }
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            if (pg) {
                statement.execute("CREATE TABLE bimbi (id bigint PRIMARY KEY, nome varchar(80), eta integer,"
                        + " ts timestamp(6))");
                // the source is read in (ts, id) order past the destination's latest ts
                statement.execute("CREATE INDEX bimbi_ts ON bimbi (ts, id)");
            } else {
                // MAX(ts) is read at every tick
                statement.execute("CREATE TABLE bimbi (id bigint PRIMARY KEY, nome varchar(80), eta int,"
                        + " ts datetime(6), KEY bimbi_ts (ts)) DEFAULT CHARSET=utf8mb4");
            }
        }
        return school;
    }

    public DemoServer server() {
        return server;
    }

    public long count() throws SQLException {
        try (Connection connection = server.connect();
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM bimbi")) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    /** Every child, in id order, read with types that neither driver shifts (ts as LocalDateTime). */
    public List<Child> children() throws SQLException {
        List<Child> children = new ArrayList<>();
        try (Connection connection = server.connect();
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT id, nome, eta, ts FROM bimbi ORDER BY id")) {
            while (resultSet.next()) {
                int eta = resultSet.getInt(3);
                Integer age = resultSet.wasNull() ? null : eta;
                children.add(new Child(resultSet.getLong(1), resultSet.getString(2), age,
                        resultSet.getObject(4, LocalDateTime.class)));
            }
        }
        return children;
    }

    /** Drops the database from a local server; an embedded server goes away with its files instead. */
    public void dropIfLocal() throws SQLException {
        if (server.embedded()) {
            return;
        }
        try (Connection admin = server.connect(null, 10); Statement statement = admin.createStatement()) {
            statement.execute(dropSql(admin));
        }
    }

    private boolean exists(Connection admin) throws SQLException {
        String sql = server.kind() == ConnectorType.POSTGRES ? "SELECT 1 FROM pg_database WHERE datname = ?"
                : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setString(1, server.database());
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next();
            }
        }
    }

    /** On PostgreSQL 13 and later, FORCE ends sessions still open on it (a killed demo's, for instance). */
    private String dropSql(Connection admin) throws SQLException {
        String drop = "DROP DATABASE IF EXISTS " + server.database();
        boolean force = server.kind() == ConnectorType.POSTGRES && admin.getMetaData().getDatabaseMajorVersion() >= 13;
        return force ? drop + " WITH (FORCE)" : drop;
    }
}
