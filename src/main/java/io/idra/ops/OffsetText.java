package io.idra.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.idra.cursor.Offset;
import io.idra.dialect.TableInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An offset as people type and read it: the plain value for one cursor column ({@code 42},
 * {@code 2024-05-01T10:00:00.123456}), a JSON array for a compound cursor ({@code ["2024-05-01T10:00:00", 42]}).
 * A value for every cursor column means "after this row"; fewer (the timestamp alone of a (timestamp, key) cursor)
 * mean "from there on, inclusive", as a start_offset does. Parsed into the Java types the columns are read as, so
 * the offset binds and compares like one saved after a batch.
 */
public final class OffsetText {

    /** What a cursor column's values are read as (the types {@link io.idra.state.OffsetCodec} stores). */
    public enum Kind { INTEGER, DECIMAL, DOUBLE, TEXT, TIMESTAMP, TIMESTAMPTZ, DATE, UUID, BOOLEAN }

    private static final ObjectMapper JSON = new ObjectMapper();

    private OffsetText() {
    }

    /**
     * @param textTimestamp the column is text read through timestamp_field_format: its offsets hold the parsed time
     */
    public static Kind kindOf(TableInfo.Column column, boolean textTimestamp) {
        String type = column.typeName().toLowerCase(Locale.ROOT);
        if (textTimestamp) {
            return Kind.TIMESTAMP;
        }
        if (type.equals("timestamptz") || column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE) {
            return Kind.TIMESTAMPTZ;
        }
        if (type.equals("uuid")) {
            return Kind.UUID;
        }
        if (type.equals("year")) {
            return Kind.INTEGER;
        }
        return switch (column.jdbcType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Kind.INTEGER;
            // an unsigned BIGINT goes past Long.MAX_VALUE
            case Types.BIGINT -> column.signed() ? Kind.INTEGER : Kind.DECIMAL;
            case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.DOUBLE;
            case Types.TIMESTAMP -> Kind.TIMESTAMP;
            case Types.DATE -> Kind.DATE;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            default -> Kind.TEXT;
        };
    }

    /**
     * @param columns the cursor columns, in cursor order (for messages)
     * @param kinds   what each of them is read as
     * @throws IllegalArgumentException saying what was expected, per value
     */
    public static Offset parse(String text, List<String> columns, List<Kind> kinds) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no offset given; expected " + expected(columns));
        }
        List<String> texts = trimmed.startsWith("[") ? elements(trimmed, columns) : List.of(trimmed);
        if (texts.isEmpty() || texts.size() > kinds.size()) {
            throw new IllegalArgumentException("expected " + expected(columns) + ", got " + texts.size() + " values");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            values.add(value(texts.get(i), kinds.get(i), columns.get(i)));
        }
        return texts.size() == kinds.size() ? Offset.after(values) : Offset.from(values);
    }

    /** The text {@link #parse} reads back into the same offset. */
    public static String format(Offset offset) {
        if (offset.values().size() == 1) {
            return text(offset.values().get(0));
        }
        ArrayNode array = JSON.createArrayNode();
        for (Object value : offset.values()) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                array.add(((Number) value).longValue());
            } else if (value instanceof BigDecimal || value instanceof BigInteger) {
                array.add(new BigDecimal(value.toString()));
            } else if (value instanceof Double || value instanceof Float) {
                array.add(((Number) value).doubleValue());
            } else if (value instanceof Boolean b) {
                array.add(b);
            } else {
                array.add(text(value));
            }
        }
        return array.toString();
    }

    private static String text(Object value) {
        if (value instanceof LocalDateTime time) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
        }
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static List<String> elements(String json, List<String> columns) {
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON array: " + e.getOriginalMessage() + "; expected "
                    + expected(columns));
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isValueNode() || element.isNull()) {
                throw new IllegalArgumentException("value " + (texts.size() + 1) + " is " + element
                        + "; expected a number or a string");
            }
            texts.add(element.asText());
        }
        return texts;
    }

    private static Object value(String text, Kind kind, String column) {
        String t = text.strip();
        try {
            return switch (kind) {
                case INTEGER -> Long.valueOf(t);
                case DECIMAL -> new BigDecimal(t);
                case DOUBLE -> Double.valueOf(t);
                case TEXT -> text;
                case TIMESTAMP -> LocalDateTime.parse(t.replaceFirst(" ", "T"));
                case TIMESTAMPTZ -> OffsetDateTime.parse(t.replaceFirst(" ", "T"));
                case DATE -> LocalDate.parse(t);
                case UUID -> java.util.UUID.fromString(t);
                case BOOLEAN -> bool(t);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("column " + column + ": \"" + text + "\" is not " + example(kind));
        }
    }

    private static Boolean bool(String t) {
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.valueOf(t);
        }
        throw new NumberFormatException(t);
    }

    private static String example(Kind kind) {
        return switch (kind) {
            case INTEGER -> "an integer";
            case DECIMAL, DOUBLE -> "a number";
            case TEXT -> "text";
            case TIMESTAMP -> "a timestamp like 2024-05-01T10:00:00.123456";
            case TIMESTAMPTZ -> "a timestamp with offset like 2024-05-01T10:00:00.123456+02:00";
            case DATE -> "a date like 2024-05-01";
            case UUID -> "a uuid";
            case BOOLEAN -> "true or false";
        };
    }

    private static String expected(List<String> columns) {
        return columns.size() == 1 ? "one value for column " + columns.get(0)
                : "a JSON array of up to " + columns.size() + " values for " + columns
                        + " (all of them: after that row; the first only: from that value on)";
    }
}
