package io.idra.it;

import io.idra.model.ConnectorType;
import io.idra.testdb.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The table of the sync matrix: integer, bigint, decimal, varchar with non-ASCII text, text, boolean, date and
 * timestamp with microseconds, the same logical columns on both engines. Rows are generated from their id so that
 * every test can say which rows it expects; every third row shares its timestamp with two others.
 */
public final class SampleTable {

    public static final String COLUMNS = "id, n, big, amount, name, note, flag, day, ts";
    public static final LocalDateTime BASE = LocalDateTime.parse("2024-03-01T10:00:00.000001");

    private SampleTable() {
    }

    public static void create(TestDatabase db, String table) {
        String t = db.quote(table);
        if (db.kind() == ConnectorType.POSTGRES) {
            db.execute("CREATE TABLE " + t + " (id bigint PRIMARY KEY, n integer, big bigint, amount numeric(12,2),"
                    + " name varchar(100), note text, flag boolean, day date, ts timestamp(6))");
        } else {
            db.execute("CREATE TABLE " + t + " (id bigint PRIMARY KEY, n int, big bigint, amount decimal(12,2),"
                    + " name varchar(100), note text, flag boolean, day date, ts datetime(6))");
        }
        db.execute("CREATE INDEX " + db.quote(table + "_ts") + " ON " + t + " (ts, id)");
    }

    /** Inserts rows {@code from..to} (inclusive), timestamps starting at {@code base}. */
    public static void insert(TestDatabase db, String table, int from, int to, LocalDateTime base) {
        String sql = "INSERT INTO " + db.quote(table) + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = from; i <= to; i++) {
                ps.setLong(1, i);
                ps.setInt(2, i % 7 == 0 ? Integer.MIN_VALUE : i * 3 - 50);
                ps.setLong(3, i % 11 == 0 ? Long.MAX_VALUE : i * 1_000_000_007L);
                ps.setBigDecimal(4, new BigDecimal(i * 12345L % 1_000_000).movePointLeft(2));
                ps.setString(5, "nome " + i + " perché ñ 漢字 😀");
                if (i % 5 == 0) {
                    ps.setNull(6, java.sql.Types.VARCHAR);
                } else {
                    ps.setString(6, "note 'quoted' \"double\" \\ back " + i);
                }
                ps.setBoolean(7, i % 2 == 0);
                ps.setObject(8, LocalDate.parse("2024-01-01").plusDays(i));
                setTimestamp(ps, 9, base.plusSeconds(i / 3).plusNanos(123_456_000L));
                ps.addBatch();
            }
            ps.executeBatch();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row with id {@code id} and timestamp {@code ts} on an open connection. */
    public static void insertOne(Connection c, String quotedTable, long id, LocalDateTime ts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quotedTable + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, (int) (id % 1000));
            ps.setLong(3, id * 7);
            ps.setBigDecimal(4, BigDecimal.valueOf(id % 100_000, 2));
            ps.setString(5, "new " + id + " ✓");
            ps.setString(6, null);
            ps.setBoolean(7, id % 3 == 0);
            ps.setObject(8, ts.toLocalDate());
            setTimestamp(ps, 9, ts);
            ps.executeUpdate();
        }
    }

    /**
     * Binds a timestamp with its microseconds: Connector/J drops the fraction of java.time values on MariaDB (it
     * reads the server version as 5.5.5), so MySQL gets the value as text.
     */
    public static void setTimestamp(PreparedStatement ps, int index, LocalDateTime ts) throws SQLException {
        if (ps.getConnection().getMetaData().getURL().startsWith("jdbc:mysql:")) {
            ps.setString(index, ts.toString().replace('T', ' '));
        } else {
            ps.setObject(index, ts);
        }
    }

    public static List<List<String>> rows(TestDatabase db, String table) {
        return db.canonicalRows("SELECT " + COLUMNS + " FROM " + db.quote(table) + " ORDER BY id");
    }
}
