package io.idra.dialect;

import com.mysql.cj.jdbc.JdbcStatement;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/**
 * MySQL/MariaDB: the staging table is a temporary InnoDB table of text columns (see {@link MysqlText}), so the load
 * never converts a value and a rollback takes its rows back. It is dropped after the merge, inside the transaction
 * (DROP TEMPORARY TABLE does not commit, TRUNCATE would), and made again for the next batch: emptied with DELETE
 * instead, its deleted rows were never purged and every later batch scanned them all (1M rows went 10× slower).
 * The text goes through Connector/J's {@code LOAD DATA LOCAL INFILE} stream hook.
 */
final class MysqlBulkLoad extends BulkLoad {

    MysqlBulkLoad(String create, String load, String merge, String drop, String direct, FieldEncoder[] encoders) {
        super(List.of(create), load, merge, List.of(drop), direct, encoders);
    }

    /**
     * With LOCAL the server cannot stop the transfer, so it turns every error of the load into a warning: any warning
     * fails the batch. The session's stream is then left set to an empty one, so that the connection never sends a
     * local file, whatever the server asks for later.
     */
    @Override
    protected long load(Statement s, String sql, InputStream text) throws SQLException {
        JdbcStatement statement = s.unwrap(JdbcStatement.class);
        statement.setLocalInfileInputStream(text);
        long loaded;
        try {
            loaded = s.executeLargeUpdate(sql);
        } finally {
            // stands in for any file: Connector/J reads a local file only when no stream is set. A connection lost
            // during the load has closed its statements and has no session left to guard (Connector/J would throw a
            // NullPointerException over the load's own error)
            if (!statement.isClosed()) {
                statement.setLocalInfileInputStream(InputStream.nullInputStream());
            }
        }
        SQLWarning warning = s.getWarnings();
        if (warning != null) {
            throw new SQLException("loading the staging table: " + warning.getMessage(), warning);
        }
        return loaded;
    }

    /** LOAD DATA LOCAL needs the server's consent as well as the driver's. */
    @Override
    public String unavailable(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@GLOBAL.local_infile")) {
            if (rs.next() && !rs.getBoolean(1)) {
                return "the server does not allow LOAD DATA LOCAL INFILE (local_infile is OFF)";
            }
        } catch (SQLException e) {
            return "cannot read the server's local_infile: " + firstLine(e);
        }
        return super.unavailable(c);
    }
}
