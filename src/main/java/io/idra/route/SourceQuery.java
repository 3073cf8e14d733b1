package io.idra.route;

import io.idra.connect.Pools;
import io.idra.dialect.CursorQuery;
import io.idra.dialect.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One-value questions to a sync's source: is there a row past the offset, how many rows have a NULL cursor, the
 * source's MAX for the lag. The statement is bound as the source dialect binds and its value read as it reads; the
 * question needs no transaction where the source's connections auto-commit (MySQL) or switching to autocommit costs
 * no round trip (PostgreSQL): one round trip in all. Else the connection's transaction is ended after the result is
 * closed (a source streams results).
 */
public final class SourceQuery {

    private SourceQuery() {
    }

    /**
     * The first column of the statement's first row, or null when it returns none.
     *
     * @param timeoutSeconds the statement's timeout, 0 for none
     */
    public static Object firstValue(SyncRuntime runtime, CursorQuery query, int timeoutSeconds) throws SQLException {
        Dialect source = runtime.sourceDialect();
        try (Connection c = runtime.sourcePool().getConnection()) {
            if (!c.getAutoCommit() && source.freeAutocommitSwitch()) {
                // the pool sets the connection back to its own mode when it is returned
                c.setAutoCommit(true);
            }
            Object value;
            try (PreparedStatement ps = c.prepareStatement(query.sql())) {
                ps.setQueryTimeout(timeoutSeconds);
                for (int i = 0; i < query.params().size(); i++) {
                    ps.setObject(i + 1, source.bindable(query.params().get(i)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    value = rs.next() ? source.reader(rs.getMetaData().getColumnType(1),
                            rs.getMetaData().getColumnTypeName(1)).read(rs, 1) : null;
                }
            }
            Pools.endRead(c);
            return value;
        }
    }
}
