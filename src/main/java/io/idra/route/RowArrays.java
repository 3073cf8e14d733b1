package io.idra.route;

import io.idra.dialect.Dialect;
import org.apache.camel.component.sql.RowMapperFactory;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * camel-sql row mapping for a sync's source queries: each row becomes an {@code Object[]} in column order, each
 * value read the way the source dialect wants it (java.time for dates and times). Much lighter than camel-sql's
 * default map per row, and the column readers are chosen once per query rather than once per value. Columns that
 * only the writers look at ({@link SyncPlan#writerOnly}) may be left for them to finish
 * ({@link Dialect#writerOnlyReader}).
 */
public final class RowArrays implements RowMapperFactory {

    private final SyncRuntime runtime;

    public RowArrays(SyncRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public RowMapper<?> newColumnRowMapper() {
        return new ArrayRowMapper(runtime);
    }

    @Override
    public RowMapper<?> newBeanRowMapper(Class<?> mappedClass) {
        throw new UnsupportedOperationException("source rows are mapped to arrays, not to " + mappedClass);
    }

    /** One per query: the readers are fixed by the first row's metadata. */
    private static final class ArrayRowMapper implements RowMapper<Object[]> {

        private final SyncRuntime runtime;
        private Dialect.ColumnReader[] readers;

        ArrayRowMapper(SyncRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Object[] mapRow(ResultSet rs, int rowNum) throws SQLException {
            if (readers == null) {
                ResultSetMetaData md = rs.getMetaData();
                Dialect dialect = runtime.sourceDialect();
                SyncPlan plan = runtime.plan();
                readers = new Dialect.ColumnReader[md.getColumnCount()];
                for (int i = 0; i < readers.length; i++) {
                    readers[i] = plan.writerOnly(i) ? dialect.writerOnlyReader(md, i + 1)
                            : dialect.reader(md.getColumnType(i + 1), md.getColumnTypeName(i + 1));
                }
            }
            Object[] row = new Object[readers.length];
            for (int i = 0; i < readers.length; i++) {
                row[i] = readers[i].read(rs, i + 1);
            }
            return row;
        }
    }
}
