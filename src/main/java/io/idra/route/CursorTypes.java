package io.idra.route;

import io.idra.cursor.Cursor;
import io.idra.dialect.Dialect;
import io.idra.dialect.TableInfo;
import io.idra.model.Mode;
import io.idra.model.Sync;

import java.sql.Types;
import java.util.List;
import java.util.Set;

/**
 * Refuses cursor columns that cannot order rows the way the mode needs, before anything is written. A timestamp
 * cursor must hold dates or times: text compares as text ("9:00" sorts after "10:00") unless timestamp_field_format
 * says how to read it, and a boolean is no time at all. A key cursor must have an order: json, xml and geometric
 * types have none, and arrays or LOBs cannot be kept as an offset.
 */
final class CursorTypes {

    private static final Set<Integer> DATE_TIME = Set.of(Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);
    private static final Set<Integer> UNORDERED = Set.of(Types.ARRAY, Types.STRUCT, Types.SQLXML, Types.JAVA_OBJECT,
            Types.REF, Types.DATALINK, Types.ROWID, Types.BLOB, Types.CLOB, Types.NCLOB);

    private CursorTypes() {
    }

    /** @param cursorColumns the source's cursor columns, in cursor order (the timestamp first in timestamp modes) */
    static void checkSource(Sync sync, Dialect dialect, List<TableInfo.Column> cursorColumns) {
        for (int i = 0; i < cursorColumns.size(); i++) {
            TableInfo.Column column = cursorColumns.get(i);
            if (sync.mode().usesTimestamp() && i == 0) {
                checkTimestamp(sync, "source_connector", sync.source().timestampFormat(), column);
            } else if (dialect.lacksEquality(column.typeName()) || UNORDERED.contains(column.jdbcType())) {
                throw new SyncException("source_connector.id", "column '" + column.name() + "' has type "
                        + column.typeName() + ", which has no order; mode " + sync.mode().jsonName()
                        + " reads rows in key order, so a key column needs an orderable type (a number, text,"
                        + " a date/time or a uuid)");
            }
        }
    }

    /** LastDestinationTimestamp reads MAX() of the destination's timestamp column: it must be a date/time too. */
    static void checkDestination(Sync sync, TableInfo destination, Cursor cursor) {
        if (sync.mode() == Mode.LAST_DESTINATION_TIMESTAMP) {
            destination.column(cursor.destinationColumns().get(0)).ifPresent(column ->
                    checkTimestamp(sync, "destination_connector", sync.destination().timestampFormat(), column));
        }
    }

    private static void checkTimestamp(Sync sync, String connector, String format, TableInfo.Column column) {
        if (format.isBlank() && !DATE_TIME.contains(column.jdbcType())) {
            throw new SyncException(connector + ".timestamp_field", "column '" + column.name() + "' has type "
                    + column.typeName() + "; mode " + sync.mode().jsonName() + " orders rows by it, so it needs a"
                    + " date or timestamp type (or, for text, " + connector + ".timestamp_field_format with the Go"
                    + " layout of its values)");
        }
    }
}
