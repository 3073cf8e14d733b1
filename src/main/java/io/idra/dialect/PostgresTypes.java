package io.idra.dialect;

import io.idra.dialect.ColumnType.Kind;
import io.idra.model.ConnectorType;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PostgreSQL column types: what a source column is in neutral terms, and the type a destination column gets. */
final class PostgresTypes {

    private static final ConnectorType PG = ConnectorType.POSTGRES;
    /** Unbounded varchar and text report this length. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * Each table column's declaration exactly as the catalog spells it (domains as their base type, so another
     * database needs no CREATE DOMAIN), with the labels of enum types.
     */
    private static final String CATALOG = "SELECT a.attname,"
            + " CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod)"
            + " ELSE format_type(a.atttypid, a.atttypmod) END,"
            + " t.typtype, t.typname,"
            + " ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped";

    private PostgresTypes() {
    }

    /** The columns' types; a table's catalog adds exact declarations and enum labels to the result metadata. */
    static List<ColumnType> describe(Connection c, String quotedTable, List<TableInfo.Column> columns)
            throws SQLException {
        Map<String, ColumnType> catalog = quotedTable == null ? Map.of() : catalog(c, quotedTable);
        List<ColumnType> types = new ArrayList<>();
        for (TableInfo.Column column : columns) {
            ColumnType fromMetadata = fromMetadata(column);
            ColumnType fromCatalog = catalog.get(column.name());
            if (fromCatalog == null) {
                types.add(fromMetadata);
            } else if (fromCatalog.kind() == Kind.ENUM) {
                types.add(fromCatalog);
            } else {
                types.add(fromMetadata.named(fromCatalog.name()));
            }
        }
        return types;
    }

    private static Map<String, ColumnType> catalog(Connection c, String quotedTable) throws SQLException {
        Map<String, ColumnType> types = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CATALOG)) {
            ps.setString(1, quotedTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ColumnType type = ColumnType.of(Kind.OTHER, PG).named(rs.getString(2));
                    if ("e".equals(rs.getString(3))) {
                        Array labels = rs.getArray(5);
                        type = ColumnType.of(Kind.ENUM, PG).named(rs.getString(4))
                                .withLabels(Arrays.asList((String[]) labels.getArray()));
                    }
                    types.put(rs.getString(1), type);
                }
            }
        }
        return types;
    }

    static ColumnType fromMetadata(TableInfo.Column column) {
        String name = column.typeName().toLowerCase(Locale.ROOT);
        int length = column.precision() == UNBOUNDED ? 0 : column.precision();
        Kind kind = switch (name) {
            case "bool" -> Kind.BOOLEAN;
            case "int2", "smallserial" -> Kind.SMALLINT;
            case "int4", "serial" -> Kind.INTEGER;
            case "int8", "bigserial" -> Kind.BIGINT;
            case "numeric" -> Kind.DECIMAL;
            case "float4" -> Kind.REAL;
            case "float8" -> Kind.DOUBLE;
            case "bpchar" -> Kind.CHAR;
            case "varchar" -> Kind.VARCHAR;
            case "text", "name", "citext" -> Kind.TEXT;
            case "date" -> Kind.DATE;
            case "time" -> Kind.TIME;
            case "timestamp" -> Kind.TIMESTAMP;
            case "timestamptz" -> Kind.TIMESTAMPTZ;
            case "json", "jsonb" -> Kind.JSON;
            case "bytea" -> Kind.BINARY;
            case "uuid" -> Kind.UUID;
            default -> Kind.OTHER;
        };
        ColumnType type = ColumnType.of(kind, PG);
        return switch (kind) {
            case DECIMAL -> type.withLength(length).withScale(column.scale());
            case CHAR, VARCHAR -> type.withLength(length);
            case TIME, TIMESTAMP, TIMESTAMPTZ -> type.withScale(column.scale());
            // an array's metadata name is its element type's with a leading underscore
            case OTHER -> type.named(name.startsWith("_") ? name.substring(1) + "[]" : name);
            default -> type;
        };
    }

    /**
     * The PostgreSQL type of a column created for a source column of {@code type}; a column from PostgreSQL keeps
     * its declaration.
     *
     * @param enumType the (quoted) enum type an ENUM column gets, which the caller creates
     */
    static String ddl(ColumnType type, String enumType) {
        // an enum type is the caller's to name, because it may have to be created in another database
        String same = type.kind() == Kind.ENUM ? null : type.sameEngineName(PG);
        if (same != null) {
            return same;
        }
        int length = type.length();
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "smallint";
            case SMALLINT -> type.unsigned() ? "integer" : "smallint";
            case MEDIUMINT -> "integer";
            case INTEGER -> type.unsigned() ? "bigint" : "integer";
            case BIGINT -> type.unsigned() ? "numeric(20)" : "bigint";
            case DECIMAL -> length == 0 ? "numeric" : "numeric(" + length + "," + type.scale() + ")";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case CHAR -> length == 0 ? "text" : "char(" + length + ")";
            case VARCHAR -> length == 0 ? "text" : "varchar(" + length + ")";
            case DATE -> "date";
            case TIME -> "time(" + type.scale() + ")";
            case TIMESTAMP -> "timestamp(" + type.scale() + ")";
            case TIMESTAMPTZ -> "timestamptz(" + type.scale() + ")";
            case JSON -> "jsonb";
            case BINARY -> "bytea";
            case UUID -> "uuid";
            case ENUM -> enumType;
            // a MySQL SET, spatial or other type is kept as its text
            case TEXT, OTHER -> "text";
        };
    }
}
