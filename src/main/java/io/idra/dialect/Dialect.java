package io.idra.dialect;

import io.idra.cursor.GoLayout;
import io.idra.cursor.Offset;
import io.idra.model.ConnectorType;
import io.idra.model.SaveMode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Everything engine-specific: quoting, the cursor query, MAX() at the destination, the write statements, how column
 * values are read and bound, and the driver settings for each role. This base class holds the SQL both engines
 * share; {@link PostgresDialect} and {@link MysqlDialect} override only what differs. Nothing outside this package
 * builds SQL or asks which engine it talks to.
 */
public abstract class Dialect {

    /** Alias of a custom source query used as a subquery. */
    static final String SOURCE_ALIAS = "idra_src";

    public abstract ConnectorType type();

    /** The identifier quote character; a quote inside a name is doubled. */
    protected abstract char quoteChar();

    public final String quote(Identifier id) {
        return id.parts().stream().map(this::quotePart).collect(Collectors.joining("."));
    }

    public final String quoteColumn(String name) {
        return quotePart(name);
    }

    private String quotePart(String part) {
        String q = String.valueOf(quoteChar());
        return q + part.replace(q, q + q) + q;
    }

    /** What a sync reads: its table, or its custom query as a subquery (a trailing semicolon is dropped). */
    public final String relation(Identifier table, String customQuery) {
        if (customQuery == null || customQuery.isBlank()) {
            return quote(table);
        }
        String query = customQuery.strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        return "(" + query + ") " + SOURCE_ALIAS;
    }

    /** A query returning no rows whose metadata tells the columns and their types. */
    public final String describe(String relation) {
        return "SELECT * FROM " + relation + " WHERE 1 = 0";
    }

    /**
     * The source rows past {@code offset} (all rows when null), in cursor order. Rows whose cursor columns are
     * NULL cannot be ordered and are left out here; they are counted separately.
     */
    public final CursorQuery selectAfter(String relation, List<String> cursorColumns, Offset offset) {
        return selectAfter(relation, cursorColumns, offset, 0);
    }

    /**
     * As {@link #selectAfter(String, List, Offset)}, but when {@code delaySeconds} is positive only rows whose first
     * cursor column (the timestamp) is older than the database's clock minus that many seconds: a transaction that
     * took its timestamp earlier but has not committed yet is not overtaken.
     */
    public final CursorQuery selectAfter(String relation, List<String> cursorColumns, Offset offset, int delaySeconds) {
        return selectAfter(relation, cursorColumns, null, offset, delaySeconds);
    }

    /**
     * As above; {@code layout} non-null means the first cursor column is text in that Go layout, compared and
     * ordered by its parsed value.
     */
    public final CursorQuery selectAfter(String relation, List<String> cursorColumns, GoLayout layout, Offset offset,
                                         int delaySeconds) {
        return cursorSelect("*", relation, cursorColumns, layout, offset, delaySeconds, "");
    }

    /**
     * One row, or none, telling whether {@link #selectAfter(String, List, GoLayout, Offset, int) selectAfter} would
     * return anything: the same condition and order, {@code LIMIT 1}. An idle tick asks this instead of opening the
     * streaming query. The ORDER BY stays: without it PostgreSQL's planner expects an early match and scans the
     * whole table for one that is not there (100 ms on a million rows), where the cursor index finds none at once.
     */
    public final CursorQuery existsAfter(String relation, List<String> cursorColumns, GoLayout layout, Offset offset,
                                         int delaySeconds) {
        return cursorSelect("1", relation, cursorColumns, layout, offset, delaySeconds, " LIMIT 1");
    }

    private CursorQuery cursorSelect(String what, String relation, List<String> cursorColumns, GoLayout layout,
                                     Offset offset, int delaySeconds, String tail) {
        List<String> quoted = cursorExpressions(cursorColumns, layout);
        CursorQuery where = whereAfter(cursorColumns, quoted, offset, delaySeconds);
        return new CursorQuery("SELECT " + what + " FROM " + relation + " WHERE " + where.sql() + " ORDER BY "
                + String.join(", ", quoted) + tail, where.params());
    }

    private CursorQuery whereAfter(List<String> cursorColumns, List<String> quoted, Offset offset, int delaySeconds) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (offset == null) {
            sql.append(cursorColumns.stream().map(c -> quoteColumn(c) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND ")));
        } else {
            int n = offset.values().size();
            sql.append(after(quoted.subList(0, n), offset.inclusive()));
            params.addAll(afterParams(offset.values(), offset.inclusive()));
        }
        if (delaySeconds > 0) {
            sql.append(" AND ").append(olderThanNowMinus(quoted.get(0)));
            params.add(delaySeconds);
        }
        return new CursorQuery(sql.toString(), params);
    }

    private List<String> cursorExpressions(List<String> columns, GoLayout layout) {
        List<String> quoted = new ArrayList<>(columns.stream().map(this::quoteColumn).toList());
        if (layout != null) {
            quoted.set(0, timestampFromText(quoted.get(0), layout));
        }
        return quoted;
    }

    /** SQL parsing a text column written in a Go layout into a timestamp without time zone. */
    protected abstract String timestampFromText(String column, GoLayout layout);

    /** {@code column < (the database's current time - ? seconds)}, one integer parameter. */
    protected abstract String olderThanNowMinus(String column);

    /** Counts the rows whose cursor cannot be ordered because a cursor column is NULL. */
    public final String countNullCursors(String relation, List<String> cursorColumns) {
        return "SELECT COUNT(*) FROM " + relation + " WHERE "
                + cursorColumns.stream().map(c -> quoteColumn(c) + " IS NULL").collect(Collectors.joining(" OR "));
    }

    /**
     * Counts the source rows past {@code offset} (every orderable row when null): how far an id-mode sync is
     * behind. The same condition as {@link #selectAfter}, without the ORDER BY a count does not need.
     */
    public final CursorQuery countAfter(String relation, List<String> cursorColumns, Offset offset) {
        String count = "SELECT COUNT(*) FROM " + relation + " WHERE ";
        if (offset == null) {
            return new CursorQuery(count + cursorColumns.stream().map(c -> quoteColumn(c) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND ")), List.of());
        }
        List<String> quoted = cursorColumns.stream().map(this::quoteColumn).toList();
        return new CursorQuery(count + after(quoted.subList(0, offset.values().size()), offset.inclusive()),
                afterParams(offset.values(), offset.inclusive()));
    }

    /** The greatest value of one column of a relation; {@code layout} non-null parses it from text first. */
    public final String selectMaxOf(String relation, String column, GoLayout layout) {
        return "SELECT MAX(" + cursorExpressions(List.of(column), layout).get(0) + ") FROM " + relation;
    }

    /**
     * Lexicographic "(c1, c2, ...) > (?, ?, ...)" spelled out, which every engine understands:
     * {@code c1 > ? OR (c1 = ? AND c2 > ?) ...}; {@code >=} on the last column when inclusive.
     * The parameters follow from {@link #afterParams}.
     */
    protected String after(List<String> columns, boolean inclusive) {
        StringJoiner or = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < columns.size(); i++) {
            StringJoiner and = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j < i; j++) {
                and.add(columns.get(j) + " = ?");
            }
            boolean last = i == columns.size() - 1;
            and.add(columns.get(i) + (last && inclusive ? " >= ?" : " > ?"));
            or.add(and.toString());
        }
        return or.toString();
    }

    protected List<Object> afterParams(List<Object> values, boolean inclusive) {
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            params.addAll(values.subList(0, i + 1));
        }
        return params;
    }

    /**
     * The greatest cursor value at the destination: MAX(c) for one column (it skips NULLs), else the first row in
     * descending order.
     */
    public final String selectMax(Identifier table, List<String> columns) {
        return selectMax(table, columns, null);
    }

    /** As above, the first column parsed from text in {@code layout} when that is non-null. */
    public final String selectMax(Identifier table, List<String> columns, GoLayout layout) {
        List<String> quoted = cursorExpressions(columns, layout);
        if (quoted.size() == 1) {
            return "SELECT MAX(" + quoted.get(0) + ") FROM " + quote(table);
        }
        return "SELECT " + String.join(", ", quoted) + " FROM " + quote(table)
                + " WHERE " + quoted.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "))
                + " ORDER BY " + quoted.stream().map(c -> c + " DESC").collect(Collectors.joining(", "))
                + " LIMIT 1";
    }

    /**
     * The statement that writes one row of a batch. Both modes are idempotent, so a batch written again after a
     * crash changes nothing: INSERT skips keys already present, UPSERT updates them.
     *
     * @param columns          destination columns, in the order values are bound
     * @param keyColumns       the destination key (a primary key or unique index covers them)
     * @param textCompared     columns whose type has no equality operator and must be compared as text
     */
    public abstract String writeSql(Identifier table, List<String> columns, List<String> keyColumns, SaveMode mode,
                                    List<String> textCompared);

    /** {@code INSERT INTO table (columns) VALUES (?, ...)}. */
    protected final String insertPrefix(Identifier table, List<String> columns) {
        return insertInto(table, "", columns) + placeholders(columns);
    }

    /** {@code INSERT INTO table [AS alias] (columns)}. */
    protected final String insertInto(Identifier table, String alias, List<String> columns) {
        return "INSERT INTO " + quote(table) + (alias.isEmpty() ? "" : " AS " + alias) + " ("
                + columns.stream().map(this::quoteColumn).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code VALUES (?, ...)} with a leading space, one placeholder per column. */
    protected static String placeholders(List<String> columns) {
        return " VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    protected static List<String> nonKey(List<String> columns, List<String> keyColumns) {
        return columns.stream().filter(c -> keyColumns.stream().noneMatch(k -> k.equalsIgnoreCase(c))).toList();
    }

    /** Reads one column of a result row as the Java value that is bound at the destination. */
    @FunctionalInterface
    public interface ColumnReader {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    /** How to read a column of this engine, chosen once per query from its metadata. */
    public abstract ColumnReader reader(int jdbcType, String typeName);

    /**
     * How to read a column that only the destination's writers look at (neither cursor nor key): a dialect may leave
     * its work to them, such as decoding text ({@link UndecodedText}). By default, as {@link #reader}.
     *
     * @param column 1-based
     */
    public ColumnReader writerOnlyReader(ResultSetMetaData md, int column) throws SQLException {
        return reader(md.getColumnType(column), md.getColumnTypeName(column));
    }

    /**
     * A start_offset in epoch milliseconds as a value comparable with a timestamp cursor column: a zoned column
     * gets the instant, a zone-less one the local time in the connection's time zone.
     */
    public Object timestampAt(long epochMillis, TableInfo.Column column, ZoneId zone) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        return switch (column.jdbcType()) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> instant.atOffset(ZoneOffset.UTC);
            case Types.DATE -> LocalDate.ofInstant(instant, zone);
            default -> LocalDateTime.ofInstant(instant, zone);
        };
    }

    /** How this engine takes part in bulk loads, as a source and as a destination ({@code idra.write.bulk}). */
    public abstract BulkWrites bulkWrites();

    /** Converts a value read from any engine into one this engine's driver binds; most pass through. */
    public Object bindable(Object value) {
        return value;
    }

    /** Driver settings for a pool that streams source rows. */
    public abstract Map<String, String> sourceProperties();

    /**
     * Whether source connections auto-commit: true where rows stream without a transaction, so that a one-row
     * question needs no transaction to end (one round trip fewer per idle tick). Each source query is one
     * statement and reads one consistent snapshot either way.
     */
    public boolean sourceAutocommit() {
        return false;
    }

    /**
     * Whether a source connection may switch to autocommit for a one-row question (e.g. {@link #existsAfter
     * existsAfter}) without a round trip, so that the question needs no transaction to end: true where the driver
     * keeps the flag locally.
     */
    public boolean freeAutocommitSwitch() {
        return false;
    }

    /** The fetch size to set on a source query (0: leave the driver's), given the rows wanted per round trip. */
    public int fetchSize(int wanted) {
        return wanted;
    }

    /** Driver settings for a pool that writes batches, with or without bulk loads. */
    public abstract Map<String, String> destinationProperties(boolean bulkLoads);

    /** SQL run on every new connection to give the session the time zone the connection string asked for, or null. */
    public String sessionInitSql(String timeZone) {
        return null;
    }

    /** Whether the write statement treats a clash on any unique index as "key present", not only on the key. */
    public boolean conflictsOnAnyUniqueKey() {
        return false;
    }

    /** Column types without an equality operator (compared as text when deciding whether an upsert changes a row). */
    public boolean lacksEquality(String typeName) {
        return false;
    }

    /** The catalog and schema arguments of {@link java.sql.DatabaseMetaData} lookups for a table name. */
    public abstract TableLocation locate(Identifier table, String currentCatalog, String currentSchema);

    /** Catalog/schema/table as JDBC metadata calls want them. */
    public record TableLocation(String catalog, String schema, String table) {
    }

    /**
     * Turns a source value into what this engine's driver binds for one destination column, after checking that
     * the column can hold it. Chosen once per column and plan, like the readers.
     */
    @FunctionalInterface
    public interface ValueWriter {

        /**
         * @return the value to bind, or a {@link StoredAsNull} for a value stored as NULL by a documented rule
         * @throws ValueNotStorable when the column cannot hold the value
         */
        Object write(Object value);

        default ValueWriter then(ValueWriter next) {
            return value -> next.write(write(value));
        }
    }

    /**
     * Whether this engine's bulk load takes text of {@code target}'s column as the source's undecoded UTF-8
     * ({@link UndecodedText}): its value writer checks it and its load writes the bytes as they came, with no String
     * in between. Else the text is decoded before the value writer sees it.
     */
    public boolean bulkTakesUndecodedText(TableInfo.Column target) {
        return false;
    }

    /** How values are written to {@code target}, whose session turns instants into local time in {@code zone}. */
    public abstract ValueWriter writer(TableInfo.Column target, ZoneId sessionZone);

    /** The zone in which the driver shows instants as this session's local date-times (MySQL's TIMESTAMP). */
    public ZoneId sessionZone(Connection c) throws SQLException {
        return ZoneOffset.UTC;
    }

    /**
     * Whether a source column holds instants that are read as the session's local date-time, and so must be
     * placed in the session's zone before another session or engine writes them.
     */
    public boolean readsInstantsAsLocal(TableInfo.Column column) {
        return false;
    }

    /** The neutral types of a source's columns; {@code table} is null for a custom query (metadata only). */
    public abstract List<ColumnType> columnTypes(Connection c, Identifier table, List<TableInfo.Column> columns)
            throws SQLException;

    /** The statements that create {@code table} with these columns and the key columns as its primary key. */
    public final List<String> createTable(Identifier table, List<ColumnDefinition> columns, List<String> keyColumns) {
        List<String> statements = new ArrayList<>(prepareTypes(table, columns));
        StringJoiner definitions = new StringJoiner(", ", "CREATE TABLE " + quote(table) + " (", ")");
        for (ColumnDefinition column : columns) {
            boolean key = keyColumns.stream().anyMatch(column.name()::equalsIgnoreCase);
            definitions.add(quoteColumn(column.name()) + " " + columnType(table, column, key)
                    + (key ? " NOT NULL" : " NULL"));
        }
        definitions.add("PRIMARY KEY (" + keyColumns.stream().map(this::quoteColumn).collect(Collectors.joining(", "))
                + ")");
        statements.add(definitions.toString());
        return statements;
    }

    /** The statements that add these (nullable) columns to {@code table}. */
    public final List<String> addColumns(Identifier table, List<ColumnDefinition> columns) {
        List<String> statements = new ArrayList<>(prepareTypes(table, columns));
        statements.add("ALTER TABLE " + quote(table) + " " + columns.stream()
                .map(c -> "ADD COLUMN " + quoteColumn(c.name()) + " " + columnType(table, c, false) + " NULL")
                .collect(Collectors.joining(", ")));
        return statements;
    }

    /** This engine's type for a new column of {@code table}. */
    protected abstract String columnType(Identifier table, ColumnDefinition column, boolean key);

    /** Statements that must run before the columns can be created (PostgreSQL's enum types). */
    protected List<String> prepareTypes(Identifier table, List<ColumnDefinition> columns) {
        return List.of();
    }

    @Override
    public String toString() {
        return type().jsonName();
    }
}
