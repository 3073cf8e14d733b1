package io.idra.dialect;

import io.idra.cursor.GoLayout;
import io.idra.model.ConnectorType;
import io.idra.model.SaveMode;
import org.postgresql.util.PGobject;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** PostgreSQL: double-quoted names, row-value cursor comparison, {@code ON CONFLICT} writes. */
public final class PostgresDialect extends Dialect {

    private static final Set<String> NO_EQUALITY = Set.of("json", "xml", "point", "line", "lseg", "box", "path",
            "polygon", "circle");

    private final PostgresBulkWrites bulk = new PostgresBulkWrites(this);

    @Override
    public ConnectorType type() {
        return ConnectorType.POSTGRES;
    }

    @Override
    protected char quoteChar() {
        return '"';
    }

    /** pgjdbc sends nothing when autocommit changes outside a transaction; it begins one only with a query. */
    @Override
    public boolean freeAutocommitSwitch() {
        return true;
    }

    /** PostgreSQL compares row values lexicographically and can use a composite index for it. */
    @Override
    protected String after(List<String> columns, boolean inclusive) {
        String op = inclusive ? " >= " : " > ";
        if (columns.size() == 1) {
            return columns.get(0) + op + "?";
        }
        return "(" + String.join(", ", columns) + ")" + op
                + "(" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** to_timestamp reads the text in the session's time zone; the cast gives back the same wall-clock time. */
    @Override
    protected String timestampFromText(String column, GoLayout layout) {
        StringBuilder format = new StringBuilder();
        for (Object element : layout.elements()) {
            if (element instanceof GoLayout.Literal literal) {
                for (char c : literal.text().toCharArray()) {
                    format.append(Character.isLetter(c) ? "\"" + c + "\"" : c == '"' ? "\\\"" : String.valueOf(c));
                }
            } else if (element instanceof GoLayout.Fraction) {
                format.append("US");
            } else {
                format.append(switch ((GoLayout.Field) element) {
                    case YEAR -> "YYYY";
                    case MONTH -> "MM";
                    case MONTH_NAME -> "Mon";
                    case DAY -> "DD";
                    case HOUR -> "HH24";
                    case MINUTE -> "MI";
                    case SECOND -> "SS";
                });
            }
        }
        return "to_timestamp(" + column + ", '" + format.toString().replace("'", "''") + "')::timestamp";
    }

    /** CURRENT_TIMESTAMP is a timestamptz; a zone-less column is compared in the session's TimeZone. */
    @Override
    protected String olderThanNowMinus(String column) {
        return column + " < CURRENT_TIMESTAMP - ? * INTERVAL '1 second'";
    }

    @Override
    protected List<Object> afterParams(List<Object> values, boolean inclusive) {
        return new ArrayList<>(values);
    }

    /**
     * {@code ON CONFLICT DO UPDATE} writes a new row version even when nothing changed, so the update is limited to
     * rows that differ (re-reading ties and re-running batches after a crash must not bloat the table).
     */
    @Override
    public String writeSql(Identifier table, List<String> columns, List<String> keyColumns, SaveMode mode,
                           List<String> textCompared) {
        return write(table, columns, keyColumns, mode, textCompared, placeholders(columns));
    }

    /** The write statement of the rows that {@code rows} gives: a VALUES list, or a SELECT from a staging table. */
    String write(Identifier table, List<String> columns, List<String> keyColumns, SaveMode mode,
                 List<String> textCompared, String rows) {
        String conflict = " ON CONFLICT (" + keyColumns.stream().map(this::quoteColumn).collect(Collectors.joining(", "))
                + ")";
        List<String> updated = nonKey(columns, keyColumns);
        if (mode == SaveMode.INSERT || updated.isEmpty()) {
            return insertInto(table, "", columns) + rows + conflict + " DO NOTHING";
        }
        return insertInto(table, "idra_dst", columns) + rows + conflict + " DO UPDATE SET "
                + updated.stream().map(c -> quoteColumn(c) + " = EXCLUDED." + quoteColumn(c))
                        .collect(Collectors.joining(", "))
                + " WHERE (" + updated.stream().map(c -> comparable("idra_dst", c, textCompared))
                        .collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM ("
                + updated.stream().map(c -> comparable("EXCLUDED", c, textCompared)).collect(Collectors.joining(", "))
                + ")";
    }

    private String comparable(String alias, String column, List<String> textCompared) {
        String ref = alias + "." + quoteColumn(column);
        return textCompared.stream().anyMatch(column::equalsIgnoreCase) ? ref + "::text" : ref;
    }

    /** pgjdbc reports timestamptz as a plain TIMESTAMP; its name tells it apart. */
    @Override
    public Object timestampAt(long epochMillis, TableInfo.Column column, ZoneId zone) {
        if (column.typeName().equalsIgnoreCase("timestamptz")) {
            return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
        }
        return super.timestampAt(epochMillis, column, zone);
    }

    /** libpq's TimeZone setting: how timestamptz values are shown and how zone-less input is read. */
    @Override
    public String sessionInitSql(String timeZone) {
        return timeZone == null ? null : "SET TIME ZONE '" + timeZone.replace("'", "''") + "'";
    }

    @Override
    public boolean lacksEquality(String typeName) {
        return NO_EQUALITY.contains(typeName.toLowerCase());
    }

    /**
     * Date/time columns are read as java.time values, never java.sql.Timestamp: a Timestamp goes through the JVM's
     * time zone and loses local times that fall in a DST gap. time is parsed from its text, because the driver
     * turns 24:00:00 into 23:59:59.999999999. json, jsonb, enums, intervals, arrays and other driver objects are
     * read as their text, which every destination accepts.
     */
    @Override
    public ColumnReader reader(int jdbcType, String typeName) {
        String type = typeName.toLowerCase();
        if (type.equals("timestamptz")) {
            return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
        }
        return switch (jdbcType) {
            case Types.TIMESTAMP -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case Types.DATE -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case Types.TIME -> type.equals("timetz") ? (rs, i) -> rs.getString(i) : (rs, i) -> {
                String text = rs.getString(i);
                return text == null ? null : TimeValues.parse(text);
            };
            case Types.ARRAY -> (rs, i) -> rs.getString(i);
            default -> (rs, i) -> {
                Object value = rs.getObject(i);
                return value instanceof PGobject pg ? pg.getValue() : value;
            };
        };
    }

    @Override
    public ValueWriter writer(TableInfo.Column target, ZoneId sessionZone) {
        return PostgresValues.check(target).then(value -> bindable(PostgresValues.convert(value)));
    }

    /** Text columns: COPY reads UTF-8, and their checks (length, NUL) read the bytes (PostgresValues). */
    @Override
    public boolean bulkTakesUndecodedText(TableInfo.Column target) {
        return switch (target.jdbcType()) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR -> true;
            default -> false;
        };
    }

    @Override
    public List<ColumnType> columnTypes(Connection c, Identifier table, List<TableInfo.Column> columns)
            throws SQLException {
        return PostgresTypes.describe(c, table == null ? null : quote(table), columns);
    }

    @Override
    protected String columnType(Identifier table, ColumnDefinition column, boolean key) {
        return PostgresTypes.ddl(column.type(), quote(enumType(table, column)));
    }

    /**
     * An enum column needs its type in the destination database: the source's enum type by name, or for a MySQL
     * ENUM a type named {@code <table>_<column>}, in the table's schema. One that exists already is used as it is.
     */
    @Override
    protected List<String> prepareTypes(Identifier table, List<ColumnDefinition> columns) {
        List<String> statements = new ArrayList<>();
        for (ColumnDefinition column : columns) {
            if (column.type().kind() == ColumnType.Kind.ENUM) {
                String create = "CREATE TYPE " + quote(enumType(table, column)) + " AS ENUM ("
                        + column.type().labels().stream().map(l -> "'" + l.replace("'", "''") + "'")
                                .collect(Collectors.joining(", ")) + ")";
                String tag = "$idra$";
                while (create.contains(tag)) {
                    tag = "$idra" + tag.length() + "$";
                }
                statements.add("DO " + tag + " BEGIN " + create + "; EXCEPTION WHEN duplicate_object THEN NULL; END "
                        + tag);
            }
        }
        return statements;
    }

    private static Identifier enumType(Identifier table, ColumnDefinition column) {
        String name = column.type().engine() == ConnectorType.POSTGRES ? column.type().name()
                : table.name() + "_" + column.name();
        return table.qualifier() == null ? Identifier.column(name) : new Identifier(List.of(table.qualifier(), name));
    }

    @Override
    public Map<String, String> sourceProperties() {
        // Rows stream only with autocommit off (set on the pool) and a fetch size (set on the statement).
        return Map.of("stringtype", "unspecified");
    }

    @Override
    public BulkWrites bulkWrites() {
        return bulk;
    }

    /** COPY needs no driver setting, so bulk loads change nothing here. */
    @Override
    public Map<String, String> destinationProperties(boolean bulkLoads) {
        Map<String, String> props = new LinkedHashMap<>();
        // One multi-row INSERT per chunk of the JDBC batch instead of one round trip per row.
        props.put("reWriteBatchedInserts", "true");
        // Text from MySQL (json, enum, uuid...) is bound untyped so PostgreSQL casts it to the column's type.
        props.put("stringtype", "unspecified");
        return props;
    }

    @Override
    public TableLocation locate(Identifier table, String currentCatalog, String currentSchema) {
        String schema = table.qualifier() != null ? table.qualifier() : currentSchema;
        return new TableLocation(null, schema, table.name());
    }
}
