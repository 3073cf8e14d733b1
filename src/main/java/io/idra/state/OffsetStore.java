package io.idra.state;

import io.idra.cursor.Offset;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offsets of state-store modes, one row per sync id, in any JDBC database (H2 file by default; PostgreSQL or
 * MySQL when several nodes share it). The SQL is portable on purpose: {@code CREATE TABLE IF NOT EXISTS} and
 * update-then-insert work unchanged on H2, PostgreSQL and MySQL, and a sync's ticks never overlap (Quartz's
 * stateful job; across nodes once its clustered JobStore is configured), so the two statements cannot race.
 */
public final class OffsetStore {

    static final String TABLE = "idra_offset";

    private final DataSource dataSource;
    private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

    public OffsetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the table on first use. */
    public void init() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "sync_id VARCHAR(64) NOT NULL PRIMARY KEY, "
                    + "sync_name VARCHAR(128) NOT NULL, "
                    + "offset_value VARCHAR(4000) NOT NULL, "
                    + "updated_at VARCHAR(40) NOT NULL)");
            commit(c);
        }
    }

    public Optional<Offset> load(String syncId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT offset_value FROM " + TABLE + " WHERE sync_id = ?")) {
            ps.setString(1, syncId);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Offset> offset = rs.next() ? Optional.of(decode(syncId, rs.getString(1))) : Optional.empty();
                commit(c);
                return offset;
            }
        }
    }

    /**
     * An idle sync reads the same offset at every tick; its JSON is decoded again only when the text changed (the
     * store stays the truth: another process may have moved it).
     */
    private Offset decode(String syncId, String text) {
        Decoded last = decoded.get(syncId);
        if (last != null && last.text().equals(text)) {
            return last.offset();
        }
        Offset offset = OffsetCodec.decode(text);
        decoded.put(syncId, new Decoded(text, offset));
        return offset;
    }

    private record Decoded(String text, Offset offset) {
    }

    public void save(String syncId, String syncName, Offset offset) throws SQLException {
        String value = OffsetCodec.encode(offset);
        String now = Instant.now().toString();
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + TABLE + " SET sync_name = ?, offset_value = ?, updated_at = ? WHERE sync_id = ?")) {
                ps.setString(1, syncName);
                ps.setString(2, value);
                ps.setString(3, now);
                ps.setString(4, syncId);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                        + " (sync_id, sync_name, offset_value, updated_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, syncId);
                    ps.setString(2, syncName);
                    ps.setString(3, value);
                    ps.setString(4, now);
                    ps.executeUpdate();
                }
            }
            commit(c);
        }
    }

    public boolean delete(String syncId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE sync_id = ?")) {
            ps.setString(1, syncId);
            boolean deleted = ps.executeUpdate() > 0;
            commit(c);
            return deleted;
        }
    }

    public List<StoredOffset> list() throws SQLException {
        List<StoredOffset> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sync_id, sync_name, offset_value, updated_at FROM " + TABLE
                     + " ORDER BY sync_name")) {
            while (rs.next()) {
                all.add(new StoredOffset(rs.getString(1), rs.getString(2), OffsetCodec.decode(rs.getString(3)),
                        Instant.parse(rs.getString(4))));
            }
            commit(c);
        }
        return all;
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
