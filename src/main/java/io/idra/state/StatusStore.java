package io.idra.state;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of every sync, one row per sync id, in the state store's database, so that the CLI and other nodes
 * can read what a running program sees. Portable SQL like {@link OffsetStore}: {@code CREATE TABLE IF NOT EXISTS}
 * and update-then-insert work unchanged on H2, PostgreSQL and MySQL. Times are ISO-8601 text, as in idra_offset.
 */
public final class StatusStore {

    static final String TABLE = "idra_sync_status";
    /** Longer error lines are cut: the column must fit every engine's VARCHAR limit for a row. */
    static final int TEXT_MAX = 4000;

    private static final String COLUMNS = "sync_id, sync_name, state, last_tick_start, last_tick_end, rows_last_tick,"
            + " rows_total, last_error, offset_text, null_cursor_rows, node, updated_at";

    private final DataSource dataSource;

    public StatusStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the table on first use. */
    public void init() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "sync_id VARCHAR(64) NOT NULL PRIMARY KEY, "
                    + "sync_name VARCHAR(128) NOT NULL, "
                    + "state VARCHAR(16) NOT NULL, "
                    + "last_tick_start VARCHAR(40), "
                    + "last_tick_end VARCHAR(40), "
                    + "rows_last_tick BIGINT NOT NULL, "
                    + "rows_total BIGINT NOT NULL, "
                    + "last_error VARCHAR(" + TEXT_MAX + "), "
                    + "offset_text VARCHAR(" + TEXT_MAX + "), "
                    + "null_cursor_rows BIGINT NOT NULL, "
                    + "node VARCHAR(255) NOT NULL, "
                    + "updated_at VARCHAR(40) NOT NULL)");
            commit(c);
        }
    }

    /**
     * Writes a sync's row. {@code rowsTotal} of the row is ignored: {@code rowsAdded} is added to the stored total,
     * so the total keeps counting across restarts and across the nodes that run the sync in turn.
     */
    public void save(SyncStatusRow row, long rowsAdded) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET sync_name = ?, state = ?,"
                    + " last_tick_start = ?, last_tick_end = ?, rows_last_tick = ?, rows_total = rows_total + ?,"
                    + " last_error = ?, offset_text = ?, null_cursor_rows = ?, node = ?, updated_at = ?"
                    + " WHERE sync_id = ?")) {
                bind(ps, 1, row, rowsAdded);
                ps.setString(12, row.syncId());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (sync_name, state,"
                        + " last_tick_start, last_tick_end, rows_last_tick, rows_total, last_error, offset_text,"
                        + " null_cursor_rows, node, updated_at, sync_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, 1, row, rowsAdded);
                    ps.setString(12, row.syncId());
                    ps.executeUpdate();
                }
            }
            commit(c);
        }
    }

    private static void bind(PreparedStatement ps, int first, SyncStatusRow row, long rowsAdded) throws SQLException {
        int i = first;
        ps.setString(i++, row.syncName());
        ps.setString(i++, row.state());
        text(ps, i++, row.lastTickStart() == null ? null : row.lastTickStart().toString());
        text(ps, i++, row.lastTickEnd() == null ? null : row.lastTickEnd().toString());
        ps.setLong(i++, row.rowsLastTick());
        ps.setLong(i++, rowsAdded);
        text(ps, i++, cut(row.lastError()));
        text(ps, i++, cut(row.offsetText()));
        ps.setLong(i++, row.nullCursorRows());
        ps.setString(i++, row.node());
        ps.setString(i, row.updatedAt().toString());
    }

    public List<SyncStatusRow> list() throws SQLException {
        List<SyncStatusRow> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY sync_name")) {
            while (rs.next()) {
                all.add(new SyncStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getString(4)),
                        instant(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                        rs.getLong(10), rs.getString(11), instant(rs.getString(12))));
            }
            commit(c);
        }
        return all;
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "…";
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
