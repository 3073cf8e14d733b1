package io.idra.testdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns database values into one canonical text each, so that a row copied from PostgreSQL to MySQL/MariaDB (or
 * back) compares equal to its source although the two drivers hand back different Java types. Sync tests read the
 * source and the destination with {@link TestDatabase#canonicalRows(String)} and compare them row by row.
 *
 * <p>The rules:
 * <ul>
 *   <li>SQL NULL: {@code NULL}.</li>
 *   <li>Integers ({@code Byte}, {@code Short}, {@code Integer}, {@code Long}, {@code BigInteger}): decimal text.</li>
 *   <li>{@code BigDecimal}: {@code stripTrailingZeros().toPlainString()}, so {@code 1.50} and {@code 1.5} are both
 *       {@code 1.5} and {@code 0E-10} is {@code 0} (the two engines pad to the column's scale differently once
 *       a type is mapped).</li>
 *   <li>Booleans: {@code true}/{@code false}. Columns that the driver types BOOLEAN, or BIT with precision 1, are
 *       read with getBoolean: PostgreSQL {@code boolean} and {@code bit(1)}, MySQL {@code BIT(1)}, and MySQL
 *       {@code TINYINT(1)} / {@code BOOLEAN}, where a PostgreSQL boolean lands as 0/1 (MySQL has no boolean type).
 *       Connector/J reports a signed {@code TINYINT(1)} as BIT(1) as long as {@code tinyInt1isBit} keeps its
 *       default, true; with it false, or for {@code TINYINT(1) UNSIGNED}, the column reads as the number 0/1, since
 *       the driver then reports display size 3 and nothing in the metadata tells {@code TINYINT(1)} apart.</li>
 *   <li>TIMESTAMP / DATETIME without time zone: read as {@code LocalDateTime} so no driver applies a time-zone
 *       shift, written {@code 2024-01-02T03:04:05.123456} (always six fraction digits: both engines keep
 *       microseconds).</li>
 *   <li>Timestamps with time zone ({@code OffsetDateTime}, PostgreSQL {@code timestamptz}): the instant in UTC,
 *       {@code 2024-01-02T03:04:05.123456Z}.</li>
 *   <li>DATE: ISO {@code 2024-01-02}. TIME: {@code 03:04:05.123456}.</li>
 *   <li>{@code byte[]} (bytea, BLOB, VARBINARY): lowercase hex.</li>
 *   <li>{@code Float} and {@code Double}: {@code Double.toString} of the double value.</li>
 *   <li>Strings as they are; anything else by its {@code toString()}.</li>
 * </ul>
 */
public final class CanonicalValue {

    /** The canonical text of SQL NULL. */
    public static final String NULL = "NULL";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private CanonicalValue() {
    }

    /** The canonical text of a value as a driver returns it, or as a test writes an expected value. */
    public static String of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof Boolean || value instanceof String) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float || value instanceof Double) {
            return Double.toString(((Number) value).doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Timestamp timestamp) {
            return DATE_TIME.format(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return INSTANT.format(dateTime.toInstant());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time time) {
            return TIME.format(time.toLocalTime());
        }
        if (value instanceof LocalTime time) {
            return TIME.format(time);
        }
        return value.toString();
    }

    /** Every row left in {@code resultSet}, canonical value by value. */
    static List<List<String>> rows(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        List<ColumnReader> readers = new ArrayList<>();
        for (int column = 1; column <= metaData.getColumnCount(); column++) {
            readers.add(readerFor(metaData, column));
        }
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> row = new ArrayList<>(readers.size());
            for (int column = 1; column <= readers.size(); column++) {
                row.add(of(readers.get(column - 1).read(resultSet, column)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Chooses from the metadata how to fetch a column, where plain getObject would lose or shift something. */
    private static ColumnReader readerFor(ResultSetMetaData metaData, int column) throws SQLException {
        int type = metaData.getColumnType(column);
        // pgjdbc reports timestamptz as TIMESTAMP; only the type name tells them apart
        String typeName = metaData.getColumnTypeName(column);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || "timestamptz".equalsIgnoreCase(typeName)) {
            return (resultSet, index) -> resultSet.getObject(index, OffsetDateTime.class);
        }
        return switch (type) {
            case Types.TIMESTAMP -> (resultSet, index) -> resultSet.getObject(index, LocalDateTime.class);
            case Types.DATE -> (resultSet, index) -> resultSet.getObject(index, LocalDate.class);
            case Types.TIME -> (resultSet, index) -> resultSet.getObject(index, LocalTime.class);
            case Types.BOOLEAN -> CanonicalValue::readBoolean;
            case Types.BIT -> metaData.getPrecision(column) <= 1 ? CanonicalValue::readBoolean : ResultSet::getObject;
            default -> ResultSet::getObject;
        };
    }

    private static Boolean readBoolean(ResultSet resultSet, int column) throws SQLException {
        boolean value = resultSet.getBoolean(column);
        return resultSet.wasNull() ? null : value;
    }

    @FunctionalInterface
    private interface ColumnReader {
        Object read(ResultSet resultSet, int column) throws SQLException;
    }
}
