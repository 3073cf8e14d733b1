package io.idra.dialect;

import io.idra.model.ConnectorType;
import io.idra.model.SaveMode;

import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** MySQL and MariaDB: backquoted names, {@code ON DUPLICATE KEY UPDATE} writes. */
public final class MysqlDialect extends Dialect {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

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

    /** DATETIME and TIMESTAMP are read as LocalDateTime (full microseconds, no JVM time-zone shift). */
    @Override
    public ColumnReader reader(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case Types.TIMESTAMP -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case Types.DATE -> typeName.equalsIgnoreCase("YEAR") ? (rs, i) -> rs.getObject(i)
                    : (rs, i) -> rs.getObject(i, LocalDate.class);
            case Types.TIME -> (rs, i) -> rs.getObject(i, LocalTime.class);
            default -> (rs, i) -> rs.getObject(i);
        };
    }

    /**
     * Date-times and times are bound as text with all six fraction digits: MariaDB announces itself as
     * "5.5.5-10.x", which Connector/J takes for a server without fractional seconds, so it silently truncates
     * java.time values to whole seconds (and a truncated cursor bound would re-read or skip rows). Text is parsed
     * by the server at full precision, and is also much cheaper for the driver to bind. Connector/J has no
     * binding for UUID.
     */
    @Override
    public Object bindable(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalTime time) {
            return TIME.format(time);
        }
        return value instanceof UUID uuid ? uuid.toString() : value;
    }

    @Override
    public Map<String, String> sourceProperties() {
        // Connector/J otherwise reads the whole result into memory; with a cursor it fetches fetchSize rows at a time.
        return Map.of("useCursorFetch", "true");
    }

    @Override
    public Map<String, String> destinationProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        // One multi-row INSERT per chunk of the JDBC batch instead of one round trip per row.
        props.put("rewriteBatchedStatements", "true");
        return props;
    }

    @Override
    public TableLocation locate(Identifier table, String currentCatalog, String currentSchema) {
        String catalog = table.qualifier() != null ? table.qualifier() : currentCatalog;
        return new TableLocation(catalog, null, table.name());
    }
}
