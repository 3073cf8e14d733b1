package io.idra.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.cursor.Offset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Offsets as JSON text with a type tag per value, so a stored offset comes back as the same Java value and binds
 * the same way: timestamps keep their microseconds and their zone, decimals their digits.
 * <pre>{"inclusive":false,"values":[{"type":"timestamp","value":"2024-05-01T10:00:00.123456"},{"type":"integer","value":"42"}]}</pre>
 */
public final class OffsetCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OffsetCodec() {
    }

    public static String encode(Offset offset) {
        ObjectNode root = JSON.createObjectNode();
        root.put("inclusive", offset.inclusive());
        ArrayNode values = root.putArray("values");
        for (Object value : offset.values()) {
            ObjectNode node = values.addObject();
            node.put("type", typeOf(value));
            node.put("value", text(value));
        }
        return root.toString();
    }

    public static Offset decode(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Object> values = new ArrayList<>();
            for (JsonNode node : root.path("values")) {
                values.add(parse(node.path("type").asText(), node.path("value").asText()));
            }
            return new Offset(values, root.path("inclusive").asBoolean(false));
        } catch (Exception e) {
            throw new IllegalArgumentException("stored offset is not readable: " + e.getMessage(), e);
        }
    }

    private static String typeOf(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "integer";
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return "decimal";
        }
        if (value instanceof Double || value instanceof Float) {
            return "double";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof LocalDateTime) {
            return "timestamp";
        }
        if (value instanceof OffsetDateTime) {
            return "timestamptz";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        if (value instanceof LocalTime) {
            return "time";
        }
        if (value instanceof UUID) {
            return "uuid";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        throw new IllegalArgumentException("a cursor column of Java type " + value.getClass().getSimpleName()
                + " cannot be used as an offset");
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static Object parse(String type, String text) {
        return switch (type) {
            case "integer" -> Long.valueOf(text);
            case "decimal" -> new BigDecimal(text);
            case "double" -> Double.valueOf(text);
            case "text" -> text;
            case "timestamp" -> LocalDateTime.parse(text);
            case "timestamptz" -> OffsetDateTime.parse(text);
            case "date" -> LocalDate.parse(text);
            case "time" -> LocalTime.parse(text);
            case "uuid" -> UUID.fromString(text);
            case "boolean" -> Boolean.valueOf(text);
            case "bytes" -> Base64.getDecoder().decode(text);
            default -> throw new IllegalArgumentException("unknown offset value type '" + type + "'");
        };
    }
}
