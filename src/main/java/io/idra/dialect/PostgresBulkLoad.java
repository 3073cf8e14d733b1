package io.idra.dialect;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL: the staging table is a temporary copy of the destination's copied columns with their own types
 * ({@code CREATE TEMP TABLE ... AS SELECT ... WITH NO DATA}: no defaults, constraints or sequences), which
 * {@code ON COMMIT DELETE ROWS} empties at every commit; rows of a rolled-back transaction vanish with it. The text
 * goes through pgjdbc's CopyManager.
 */
final class PostgresBulkLoad extends BulkLoad {

    PostgresBulkLoad(String create, String copy, String merge, String direct, FieldEncoder[] encoders) {
        super(List.of(create), copy, merge, List.of(), direct, encoders);
    }

    @Override
    protected long load(Statement s, String sql, InputStream text) throws SQLException {
        try {
            return s.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql, text);
        } catch (IOException e) {
            throw new SQLException("streaming rows to COPY: " + e.getMessage(), e);
        }
    }
}
