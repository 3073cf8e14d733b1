package io.idra.route;

import io.idra.cursor.Offset;
import io.idra.dialect.BulkLoad;
import io.idra.dialect.Identifier;

import java.util.List;

/**
 * What a sync's route needs to know about its two tables, found once from their metadata: the source relation and
 * columns, where the cursor values sit in a row, and the statement that writes a row at the destination.
 *
 * @param sourceRelation    table or {@code (query) alias} to select from
 * @param columns           source column labels; a row is an Object[] in this order and is bound in this order
 * @param cursorIndexes     positions of the cursor columns in a row
 * @param cursorColumns     the cursor columns as the source names them (for the WHERE / ORDER BY)
 * @param destinationTable  the destination table, with the case it has in the catalog
 * @param binder            binds a row's values to the destination columns, in row order
 * @param writeSql          INSERT / upsert statement with one placeholder per column
 * @param bulk              how batches are bulk loaded through a staging table, or null to write JDBC batches
 * @param destinationMaxSql MAX() of the destination cursor (LastDestination* modes), else null
 * @param startOffset       where a fresh sync starts (from start_offset), or null for "from the beginning"
 */
public record SyncPlan(
        String sourceRelation,
        List<String> columns,
        int[] cursorIndexes,
        List<String> cursorColumns,
        Identifier destinationTable,
        RowBinder binder,
        String writeSql,
        BulkLoad bulk,
        String destinationMaxSql,
        Offset startOffset) {

    public SyncPlan {
        columns = List.copyOf(columns);
        cursorColumns = List.copyOf(cursorColumns);
    }

    /**
     * Whether only the destination's writers look at this position of a row: neither the reader (cursor, offsets,
     * gap checks) nor an error message (keys) needs its value before the batch is converted.
     */
    public boolean writerOnly(int index) {
        for (int cursor : cursorIndexes) {
            if (cursor == index) {
                return false;
            }
        }
        return !binder.isKey(index);
    }

    /** The cursor values of a row, in cursor order. */
    public List<Object> cursorValues(Object[] row) {
        Object[] values = new Object[cursorIndexes.length];
        for (int i = 0; i < cursorIndexes.length; i++) {
            values[i] = row[cursorIndexes[i]];
        }
        return List.of(values);
    }
}
