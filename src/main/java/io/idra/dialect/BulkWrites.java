package io.idra.dialect;

import io.idra.dialect.ColumnType.Kind;
import io.idra.model.SaveMode;

import java.util.List;

/**
 * An engine's part in bulk loads ({@code idra.write.bulk}): what its reader gives for a column, as a source, and as a
 * destination whether text carries a value exactly and the {@link BulkLoad} of a sync. A sync is bulk loaded only
 * when every column's values, spelled as text and read by the destination, become what the JDBC batch's binding makes
 * of them; otherwise it writes JDBC batches, as before.
 */
public abstract class BulkWrites {

    /** Kinds of value that travel alike; a kind's family is what decides how it is spelled and read. */
    enum Family { INTEGER, DECIMAL, FLOAT, BOOLEAN, TEXT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, BINARY }

    static Family family(Kind kind) {
        return switch (kind) {
            case TINYINT, SMALLINT, MEDIUMINT, INTEGER, BIGINT -> Family.INTEGER;
            case DECIMAL -> Family.DECIMAL;
            case REAL, DOUBLE -> Family.FLOAT;
            case BOOLEAN -> Family.BOOLEAN;
            case CHAR, VARCHAR, TEXT, JSON, UUID, ENUM, OTHER -> Family.TEXT;
            case DATE -> Family.DATE;
            case TIME -> Family.TIME;
            case TIMESTAMP -> Family.TIMESTAMP;
            case TIMESTAMPTZ -> Family.TIMESTAMPTZ;
            case BINARY -> Family.BINARY;
        };
    }

    /**
     * The kind of the values this engine's reader gives for {@code column} (for a destination column: the kind it
     * holds), or null when they are driver objects that have no plain text (PostgreSQL's hstore maps, xml).
     */
    abstract Kind valueKind(TableInfo.Column column);

    /**
     * Whether a value of kind {@code from}, as text, becomes in a column of kind {@code to} of this engine what the
     * JDBC binding makes of it. In common: the same family, an integer into a decimal, a local date-time into a
     * zoned one (both read it in the session's zone).
     */
    boolean carries(Kind from, Kind to) {
        Family f = family(from);
        Family t = family(to);
        return f == t || f == Family.INTEGER && t == Family.DECIMAL
                || f == Family.TIMESTAMP && t == Family.TIMESTAMPTZ;
    }

    /**
     * Null when batches from {@code sourceColumns} (read by {@code source}) into {@code targets} can be bulk loaded,
     * else the first column that cannot, and why.
     */
    public final String refusal(BulkWrites source, List<TableInfo.Column> sourceColumns,
                                List<TableInfo.Column> targets) {
        for (int i = 0; i < targets.size(); i++) {
            TableInfo.Column from = sourceColumns.get(i);
            TableInfo.Column to = targets.get(i);
            Kind fromKind = source.valueKind(from);
            Kind toKind = valueKind(to);
            if (fromKind == null || toKind == null || !carries(fromKind, toKind)) {
                return "column '" + to.name() + "' (" + from.typeName() + " into " + to.typeName()
                        + ") has no exact text form for the bulk load";
            }
        }
        return null;
    }

    /**
     * The bulk load of one sync's batches into {@code table}, with the conflict handling of {@link Dialect#writeSql}.
     *
     * @param targets the destination columns, in row order
     * @param seed    tells this sync's staging table from other syncs' (the sync id)
     */
    public abstract BulkLoad load(Identifier table, List<TableInfo.Column> targets, List<String> keyColumns,
                                  SaveMode mode, List<String> textCompared, String seed);
}
