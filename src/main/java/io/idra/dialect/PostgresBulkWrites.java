package io.idra.dialect;

import io.idra.dialect.ColumnType.Kind;
import io.idra.model.SaveMode;

import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL in bulk loads: its values as a source, and COPY into a typed staging table as a destination. */
final class PostgresBulkWrites extends BulkWrites {

    private final PostgresDialect dialect;

    PostgresBulkWrites(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Enums, intervals, arrays, network and geometric types, timetz and the like are read as their text
     * ({@link PostgresDialect#reader}); hstore (a Map), xml, money, bit and oid are read as other objects.
     */
    @Override
    Kind valueKind(TableInfo.Column column) {
        Kind kind = PostgresTypes.fromMetadata(column).kind();
        if (kind != Kind.OTHER) {
            return kind;
        }
        return switch (column.jdbcType()) {
            case Types.OTHER, Types.VARCHAR, Types.CHAR, Types.ARRAY, Types.STRUCT, Types.TIME ->
                    column.typeName().equalsIgnoreCase("hstore") ? null : Kind.OTHER;
            default -> null;
        };
    }

    /**
     * pgjdbc binds text untyped (stringtype=unspecified), so the column's input function reads it, as COPY does;
     * a UUID is bound typed and only text columns take it. A double bound into real is cast with ties to even, while
     * its shortest text can round the other way, so that pair is left to JDBC.
     */
    @Override
    boolean carries(Kind from, Kind to) {
        if (from != Kind.UUID && family(from) == Family.TEXT) {
            return true;
        }
        return !(from == Kind.DOUBLE && to == Kind.REAL) && super.carries(from, to);
    }

    @Override
    public BulkLoad load(Identifier table, List<TableInfo.Column> targets, List<String> keyColumns, SaveMode mode,
                         List<String> textCompared, String seed) {
        List<String> columns = targets.stream().map(TableInfo.Column::name).toList();
        String staging = "pg_temp." + dialect.quoteColumn(BulkLoad.stagingName(seed, table, targets));
        String quoted = columns.stream().map(dialect::quoteColumn).collect(Collectors.joining(", "));
        String create = "CREATE TEMP TABLE IF NOT EXISTS " + staging + " ON COMMIT DELETE ROWS AS SELECT " + quoted
                + " FROM " + dialect.quote(table) + " WITH NO DATA";
        FieldEncoder[] encoders = new FieldEncoder[columns.size()];
        Arrays.setAll(encoders, i -> PostgresText.forColumn());
        // a COPY into the destination itself, while none of the batch's keys is there (BulkLoad#write)
        String direct = "COPY " + dialect.quote(table) + " (" + quoted + ") FROM STDIN";
        return new PostgresBulkLoad(create, "COPY " + staging + " (" + quoted + ") FROM STDIN",
                dialect.write(table, columns, keyColumns, mode, textCompared, " SELECT " + quoted + " FROM " + staging),
                direct, encoders);
    }
}
