package io.idra.dialect;

import io.idra.dialect.ColumnType.Kind;
import io.idra.model.ConnectorType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** MySQL/MariaDB column types: what a source column is in neutral terms, and the type a destination column gets. */
final class MysqlTypes {

    private static final ConnectorType MY = ConnectorType.MYSQL;
    /** The longest VARCHAR an utf8mb4 row can hold; longer text becomes LONGTEXT. */
    private static final int MAX_VARCHAR = 16_383;
    /** What a key column of unbounded text or bytes becomes: MySQL indexes only bounded columns. */
    private static final int KEY_LENGTH = 255;
    private static final Pattern LABEL = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'");
    private static final Pattern JSON_CHECK = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)");

    private static final String COLUMNS = "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";
    /** MariaDB's JSON is LONGTEXT with a json_valid() check; MySQL has a real JSON type and no such column. */
    private static final String MARIADB_JSON = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";

    private MysqlTypes() {
    }

    /** A column as the catalog declares it. */
    private record Declared(String dataType, String columnType, boolean mariaDbJson) {
    }

    /** The columns' types; a table's catalog adds exact declarations, enum labels and MariaDB's JSON. */
    static List<ColumnType> describe(Connection c, Identifier table, List<TableInfo.Column> columns)
            throws SQLException {
        Map<String, Declared> catalog = table == null ? Map.of() : catalog(c, table);
        List<ColumnType> types = new ArrayList<>();
        for (TableInfo.Column column : columns) {
            ColumnType type = fromMetadata(column);
            Declared declared = catalog.get(column.name());
            if (declared == null) {
                types.add(type);
            } else if (declared.mariaDbJson() || declared.dataType().equals("json")) {
                types.add(ColumnType.of(Kind.JSON, MY).named("json"));
            } else if (declared.dataType().equals("enum")) {
                types.add(ColumnType.of(Kind.ENUM, MY).named(declared.columnType())
                        .withLabels(labels(declared.columnType())));
            } else if (declared.dataType().equals("set")) {
                types.add(ColumnType.of(Kind.OTHER, MY).named(declared.columnType()));
            } else {
                types.add(type.named(declared.columnType()));
            }
        }
        return types;
    }

    private static Map<String, Declared> catalog(Connection c, Identifier table) throws SQLException {
        Set<String> json = c.getMetaData().getDatabaseProductVersion().contains("MariaDB")
                ? mariaDbJson(c, table) : Set.of();
        Map<String, Declared> columns = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, table.qualifier());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    columns.put(column, new Declared(rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3),
                            json.contains(column)));
                }
            }
        }
        return columns;
    }

    private static Set<String> mariaDbJson(Connection c, Identifier table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(MARIADB_JSON)) {
            ps.setString(1, table.qualifier());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = JSON_CHECK.matcher(rs.getString(1));
                    if (m.matches()) {
                        columns.add(m.group(1).replace("``", "`"));
                    }
                }
            }
        }
        return columns;
    }

    /** The labels of {@code enum('a','it''s')} as the catalog prints them. */
    static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(columnType);
        while (m.find()) {
            labels.add(m.group(1).replace("''", "'").replace("\\\\", "\\"));
        }
        return labels;
    }

    static ColumnType fromMetadata(TableInfo.Column column) {
        String name = column.typeName().toUpperCase(Locale.ROOT);
        boolean unsigned = name.endsWith(" UNSIGNED");
        String base = unsigned ? name.substring(0, name.length() - " UNSIGNED".length()) : name;
        int p = column.precision();
        ColumnType type = switch (base) {
            case "BIT" -> p <= 1 ? ColumnType.of(Kind.BOOLEAN, MY) : ColumnType.of(Kind.BINARY, MY);
            case "TINYINT" -> ColumnType.of(Kind.TINYINT, MY);
            case "SMALLINT", "YEAR" -> ColumnType.of(Kind.SMALLINT, MY);
            case "MEDIUMINT" -> ColumnType.of(Kind.MEDIUMINT, MY);
            case "INT", "INTEGER" -> ColumnType.of(Kind.INTEGER, MY);
            case "BIGINT" -> ColumnType.of(Kind.BIGINT, MY);
            case "DECIMAL" -> ColumnType.of(Kind.DECIMAL, MY).withLength(p).withScale(column.scale());
            case "FLOAT" -> ColumnType.of(Kind.REAL, MY);
            case "DOUBLE" -> ColumnType.of(Kind.DOUBLE, MY);
            case "CHAR" -> ColumnType.of(Kind.CHAR, MY).withLength(p);
            case "VARCHAR" -> ColumnType.of(Kind.VARCHAR, MY).withLength(p);
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT" -> ColumnType.of(Kind.TEXT, MY);
            case "JSON" -> ColumnType.of(Kind.JSON, MY);
            case "DATE" -> ColumnType.of(Kind.DATE, MY);
            // the metadata's precision counts "838:59:59" (10) and then the point and the fraction digits
            case "TIME" -> ColumnType.of(Kind.TIME, MY).withScale(p > 10 ? p - 11 : 0);
            // likewise "2024-01-01 00:00:00" (19)
            case "DATETIME" -> ColumnType.of(Kind.TIMESTAMP, MY).withScale(p > 19 ? p - 20 : 0);
            case "TIMESTAMP" -> ColumnType.of(Kind.TIMESTAMPTZ, MY).withScale(p > 19 ? p - 20 : 0);
            case "BINARY", "VARBINARY" -> ColumnType.of(Kind.BINARY, MY).withLength(p);
            default -> isBinary(column.jdbcType()) ? ColumnType.of(Kind.BINARY, MY) : ColumnType.of(Kind.OTHER, MY);
        };
        return type.unsigned(unsigned);
    }

    private static boolean isBinary(int jdbcType) {
        return jdbcType == Types.BINARY || jdbcType == Types.VARBINARY || jdbcType == Types.LONGVARBINARY
                || jdbcType == Types.BLOB;
    }

    /** The MySQL type of a column created for a source column of {@code type}; a MySQL column keeps its own. */
    static String ddl(ColumnType type, boolean key) {
        String same = type.sameEngineName(MY);
        if (same != null) {
            return same;
        }
        String unsigned = type.unsigned() ? " UNSIGNED" : "";
        int length = type.length();
        return switch (type.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case TINYINT -> "TINYINT" + unsigned;
            case SMALLINT -> "SMALLINT" + unsigned;
            case MEDIUMINT -> "MEDIUMINT" + unsigned;
            case INTEGER -> "INT" + unsigned;
            case BIGINT -> "BIGINT" + unsigned;
            // MySQL's widest DECIMAL; larger values are refused when written (docs/TYPES.md)
            case DECIMAL -> length == 0 ? "DECIMAL(65,30)"
                    : "DECIMAL(" + Math.min(length, 65) + "," + Math.min(type.scale(), 30) + ")";
            case REAL -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case CHAR -> length > 0 && length <= 255 ? "CHAR(" + length + ")" : text(length, key);
            case VARCHAR, TEXT, OTHER -> text(length, key);
            case DATE -> "DATE";
            case TIME -> "TIME(" + type.scale() + ")";
            case TIMESTAMP -> "DATETIME(" + type.scale() + ")";
            case TIMESTAMPTZ -> "TIMESTAMP(" + type.scale() + ")";
            case JSON -> "JSON";
            case BINARY -> length > 0 && length <= 65_535 ? "VARBINARY(" + length + ")"
                    : key ? "VARBINARY(" + KEY_LENGTH + ")" : "LONGBLOB";
            case UUID -> "CHAR(36)";
            case ENUM -> type.labels().stream().map(MysqlTypes::literal)
                    .collect(Collectors.joining(",", "ENUM(", ")"));
        };
    }

    private static String text(int length, boolean key) {
        if (length > 0 && length <= MAX_VARCHAR) {
            return "VARCHAR(" + length + ")";
        }
        return key ? "VARCHAR(" + KEY_LENGTH + ")" : "LONGTEXT";
    }

    /** A string literal, for the default sql_mode in which a backslash escapes (DDL takes no parameters). */
    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
