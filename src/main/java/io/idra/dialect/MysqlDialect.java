package io.idra.dialect;

import com.mysql.cj.MysqlConnection;
import io.idra.cursor.GoLayout;
import io.idra.model.ConnectorType;
import io.idra.model.SaveMode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** MySQL and MariaDB: backquoted names, {@code ON DUPLICATE KEY UPDATE} writes. */
public final class MysqlDialect extends Dialect {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    /** Character columns as Connector/J names them; BINARY, VARBINARY and the BLOBs are bytes already. */
    private static final Set<String> TEXT_TYPES =
            Set.of("CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT");

    private final MysqlBulkWrites bulk = new MysqlBulkWrites(this);

    @Override
    public ConnectorType type() {
        return ConnectorType.MYSQL;
    }

    @Override
    protected char quoteChar() {
        return '`';
    }

    /**
     * MariaDB does not turn a spelled-out lexicographic comparison into an index range, so the leading column's
     * bound is stated on its own first: {@code c1 >= ? AND (c1 > ? OR (c1 = ? AND c2 > ?))}.
     */
    @Override
    protected String after(List<String> columns, boolean inclusive) {
        String expanded = super.after(columns, inclusive);
        return columns.size() == 1 ? expanded : columns.get(0) + " >= ? AND " + expanded;
    }

    @Override
    protected String timestampFromText(String column, GoLayout layout) {
        StringBuilder format = new StringBuilder();
        for (Object element : layout.elements()) {
            if (element instanceof GoLayout.Literal literal) {
                format.append(literal.text().replace("%", "%%"));
            } else if (element instanceof GoLayout.Fraction) {
                format.append("%f");
            } else {
                format.append(switch ((GoLayout.Field) element) {
                    case YEAR -> "%Y";
                    case MONTH -> "%m";
                    case MONTH_NAME -> "%b";
                    case DAY -> "%d";
                    case HOUR -> "%H";
                    case MINUTE -> "%i";
                    case SECOND -> "%s";
                });
            }
        }
        return "STR_TO_DATE(" + column + ", '" + format.toString().replace("\\", "\\\\").replace("'", "''") + "')";
    }

    @Override
    protected String olderThanNowMinus(String column) {
        return column + " < NOW(6) - INTERVAL ? SECOND";
    }

    @Override
    protected List<Object> afterParams(List<Object> values, boolean inclusive) {
        List<Object> params = new ArrayList<>();
        if (values.size() > 1) {
            params.add(values.get(0));
        }
        params.addAll(super.afterParams(values, inclusive));
        return params;
    }

    /**
     * INSERT must skip a key already present without failing the batch and without the side effects of INSERT
     * IGNORE (which also swallows truncation and conversion errors), hence the no-op update {@code k = k}.
     * MariaDB leaves an upserted row that did not change untouched by itself.
     */
    @Override
    public String writeSql(Identifier table, List<String> columns, List<String> keyColumns, SaveMode mode,
                           List<String> textCompared) {
        List<String> updated = nonKey(columns, keyColumns);
        String set;
        if (mode == SaveMode.INSERT || updated.isEmpty()) {
            String key = quoteColumn(keyColumns.get(0));
            set = key + " = " + key;
        } else {
            set = updated.stream().map(c -> quoteColumn(c) + " = VALUES(" + quoteColumn(c) + ")")
                    .collect(Collectors.joining(", "));
        }
        return insertPrefix(table, columns) + " ON DUPLICATE KEY UPDATE " + set;
    }

    @Override
    public boolean conflictsOnAnyUniqueKey() {
        return true;
    }

    /**
     * DATETIME and TIMESTAMP are read as LocalDateTime (full microseconds, no JVM time-zone shift). A zero date,
     * which the driver turns into NULL (zeroDateTimeBehavior), and a partly zero one, which java.time refuses, are
     * told from NULL and from real dates by their text. TIME runs past a day and may be negative (see
     * {@link TimeValues#fromMysql}). YEAR is a number (the driver would make it a date in January). BIGINT, INT and
     * DECIMAL give the values getObject would, through their own getters: getObject checks the row and column a
     * second time, and makes a DECIMAL a String and back.
     */
    @Override
    public ColumnReader reader(int jdbcType, String typeName) {
        switch (typeName.toUpperCase(Locale.ROOT)) {
            case "BIGINT":
                return (rs, i) -> {
                    long value = rs.getLong(i);
                    return rs.wasNull() ? null : value;
                };
            case "INT":
                return (rs, i) -> {
                    int value = rs.getInt(i);
                    return rs.wasNull() ? null : value;
                };
            case "DECIMAL":
                return ResultSet::getBigDecimal;
            default:
                break;
        }
        return switch (jdbcType) {
            case Types.TIMESTAMP -> (rs, i) -> dateOrZero(rs, i, LocalDateTime.class);
            case Types.DATE -> typeName.equalsIgnoreCase("YEAR") ? MysqlDialect::year
                    : (rs, i) -> dateOrZero(rs, i, LocalDate.class);
            case Types.TIME -> (rs, i) -> {
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? null : TimeValues.fromMysql(bytes);
            };
            default -> (rs, i) -> rs.getObject(i);
        };
    }

    /**
     * Text in UTF-8 is handed on as the bytes the server sent ({@link UndecodedText}): the one reading thread only
     * copies them, and a writer thread makes the String. Connector/J's own decoding of text was the largest part of
     * reading a MariaDB source (docs/PERFORMANCE.md).
     */
    @Override
    public ColumnReader writerOnlyReader(ResultSetMetaData md, int column) throws SQLException {
        if (TEXT_TYPES.contains(md.getColumnTypeName(column).toUpperCase(Locale.ROOT)) && sentInUtf8(md, column)) {
            return (rs, i) -> {
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? null : new UndecodedText(bytes);
            };
        }
        return super.writerOnlyReader(md, column);
    }

    private static boolean sentInUtf8(ResultSetMetaData md, int column) throws SQLException {
        if (!md.isWrapperFor(com.mysql.cj.jdbc.result.ResultSetMetaData.class)) {
            return false;
        }
        String encoding = md.unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getColumnCharacterEncoding(column);
        try {
            return encoding != null && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Object dateOrZero(ResultSet rs, int index, Class<?> type) throws SQLException {
        Object value;
        try {
            value = rs.getObject(index, type);
        } catch (DateTimeException e) {
            return new ZeroDate(rs.getString(index));
        }
        if (value != null) {
            return value;
        }
        String text = rs.getString(index);
        return text == null ? null : new ZeroDate(text);
    }

    private static Object year(ResultSet rs, int index) throws SQLException {
        short year = rs.getShort(index);
        return rs.wasNull() ? null : year;
    }

    /** MySQL's TIMESTAMP is an instant shown in the session's zone; DATETIME has no zone. */
    @Override
    public boolean readsInstantsAsLocal(TableInfo.Column column) {
        return column.typeName().equalsIgnoreCase("TIMESTAMP");
    }

    /** The zone Connector/J reads and writes instants in: the connection string's loc or time_zone. */
    @Override
    public ZoneId sessionZone(Connection c) throws SQLException {
        return c.unwrap(MysqlConnection.class).getSession().getServerSession().getSessionTimeZone().toZoneId();
    }

    @Override
    public ValueWriter writer(TableInfo.Column target, ZoneId sessionZone) {
        return MysqlValues.check(target, sessionZone)
                .then(value -> bindable(MysqlValues.convert(value, sessionZone)));
    }

    @Override
    public List<ColumnType> columnTypes(Connection c, Identifier table, List<TableInfo.Column> columns)
            throws SQLException {
        return MysqlTypes.describe(c, table, columns);
    }

    @Override
    protected String columnType(Identifier table, ColumnDefinition column, boolean key) {
        return MysqlTypes.ddl(column.type(), key);
    }

    /**
     * Date-times and times are bound as text with all six fraction digits: MariaDB announces itself as
     * "5.5.5-10.x", which Connector/J takes for a server without fractional seconds, so it silently truncates
     * java.time values to whole seconds (and a truncated cursor bound would re-read or skip rows). Text is parsed
     * by the server at full precision, and is also much cheaper for the driver to bind. Connector/J has no
     * binding for UUID, binds a BigInteger as a long (which overflows BIGINT UNSIGNED), and sends a float as its
     * shortest text, which MariaDB reads back as a double: 3.4028235E38 would then exceed FLOAT. The float's exact
     * double value rounds back to the same float.
     */
    @Override
    public Object bindable(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return MysqlValues.dateTimeText(dateTime);
        }
        if (value instanceof LocalTime time) {
            return TIME.format(time);
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return value instanceof UUID uuid ? uuid.toString() : value;
    }

    /**
     * Rows stream one by one ({@code defaultFetchSize=Integer.MIN_VALUE}): nothing is buffered on the client, and
     * unlike {@code useCursorFetch} the server does not first copy the result into a temporary table (which was
     * slower, and lived in the server's tmpdir). The connection then serves only this result until it is read,
     * which is all a source connection does; the server waits up to net_write_timeout for the reader, so that is
     * raised to cover a slow destination batch.
     */
    @Override
    public Map<String, String> sourceProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("defaultFetchSize", String.valueOf(Integer.MIN_VALUE));
        // the binary protocol: the text protocol sends FLOAT with six significant digits only
        props.put("useServerPrepStmts", "true");
        // An idle tick asks the same question every time: keep it prepared on the connection instead of a PREPARE
        // and a CLOSE per tick. Sized for many syncs sharing a pool; the limit covers long source queries.
        props.put("cachePrepStmts", "true");
        props.put("prepStmtCacheSize", "500");
        props.put("prepStmtCacheSqlLimit", "65536");
        props.put("sessionVariables", "net_write_timeout=3600");
        // Zero dates become NULL instead of failing the read; the reader tells them from NULL (see reader()).
        props.put("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        return props;
    }

    /** Connector/J streams in autocommit mode too (and would send SET autocommit to switch it). */
    @Override
    public boolean sourceAutocommit() {
        return true;
    }

    /** A positive fetch size would turn streaming off and buffer the whole result: leave the driver's. */
    @Override
    public int fetchSize(int wanted) {
        return 0;
    }

    @Override
    public BulkWrites bulkWrites() {
        return bulk;
    }

    @Override
    public Map<String, String> destinationProperties(boolean bulkLoads) {
        Map<String, String> props = new LinkedHashMap<>();
        // One multi-row INSERT per chunk of the JDBC batch instead of one round trip per row.
        props.put("rewriteBatchedStatements", "true");
        if (bulkLoads) {
            // LOAD DATA LOCAL from a stream: Connector/J honours its stream hook only with this
            // (allowLoadLocalInfileInPath restricts files but disables the hook); MysqlBulkLoad leaves an empty
            // stream set after each load, so a session that has loaded a batch never sends a file
            props.put("allowLoadLocalInfile", "true");
        }
        return props;
    }

    @Override
    public TableLocation locate(Identifier table, String currentCatalog, String currentSchema) {
        String catalog = table.qualifier() != null ? table.qualifier() : currentCatalog;
        return new TableLocation(catalog, null, table.name());
    }
}
