package io.idra.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed access to the keys of one JSON object, reporting every wrong type to {@link Issues} under its full JSON
 * path (e.g. {@code source_connector.polling_time}) instead of stopping at the first one.
 *
 * <p>A value of the wrong type is reported and read as if it were missing, so the caller can carry on and find
 * the next problem; the record is rejected anyway because an error was recorded.
 *
 * <p>JSON {@code null} counts as missing, as it does for Go's decoder that wrote these files.
 */
final class FieldReader {

    /** Strings like "60" are accepted for integer fields: hand-edited files quote numbers, Go's encoder never does. */
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]+");
    private static final int MAX_SHOWN_CHARS = 60;

    private final ObjectNode node;
    private final String pathPrefix;
    private final Issues issues;

    /**
     * @param pathPrefix the object's own path followed by a dot ("source_connector."), or "" for the sync record
     */
    FieldReader(ObjectNode node, String pathPrefix, Issues issues) {
        this.node = node;
        this.pathPrefix = pathPrefix;
        this.issues = issues;
    }

    String path(String key) {
        return pathPrefix + key;
    }

    void error(String key, String message) {
        issues.error(path(key), message);
    }

    void warn(String key, String message) {
        issues.warn(path(key), message);
    }

    /** The raw value, or empty when the key is missing or null. */
    Optional<JsonNode> value(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Whether the record gives no value for the key: missing, null or a blank string. A value of another type is
     * not blank, so a "required" check never repeats the type error {@link #string} already reported.
     */
    boolean isBlank(String key) {
        return value(key).map(v -> v.isTextual() && v.textValue().isBlank()).orElse(true);
    }

    /** A string value, or "" when missing; a non-string is reported, showing the value it got. */
    String string(String key) {
        return string(key, true);
    }

    /**
     * A string value that must never be echoed (a connection string holds a password): a wrong type is reported
     * by its type alone.
     */
    String secretString(String key) {
        return string(key, false);
    }

    private String string(String key, boolean showValue) {
        Optional<JsonNode> value = value(key);
        if (value.isEmpty()) {
            return "";
        }
        if (!value.get().isTextual()) {
            error(key, "expected a string, got " + (showValue ? show(value.get()) : typeOf(value.get())));
            return "";
        }
        return value.get().textValue();
    }

    /**
     * An integer value of any size (the caller checks the range), or empty when missing or not an integer.
     *
     * @param expected what the field holds, e.g. "an integer number of seconds", used in the error
     */
    Optional<BigInteger> integer(String key, String expected) {
        Optional<JsonNode> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode v = value.get();
        if (v.isIntegralNumber()) {
            return Optional.of(v.bigIntegerValue());
        }
        if (v.isTextual() && INTEGER_TEXT.matcher(v.textValue()).matches()) {
            return Optional.of(new BigInteger(v.textValue()));
        }
        error(key, "expected " + expected + ", got " + show(v));
        return Optional.empty();
    }

    /** A boolean; the strings "true" and "false" are accepted for the same reason as quoted integers. */
    boolean bool(String key, boolean whenMissing) {
        Optional<JsonNode> value = value(key);
        if (value.isEmpty()) {
            return whenMissing;
        }
        JsonNode v = value.get();
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        error(key, "expected true or false, got " + show(v));
        return whenMissing;
    }

    /** A required object; missing or not an object is reported. */
    Optional<ObjectNode> object(String key, String expected) {
        Optional<JsonNode> value = value(key);
        if (value.isEmpty()) {
            error(key, "required: expected " + expected);
            return Optional.empty();
        }
        if (!value.get().isObject()) {
            error(key, "expected " + expected + ", got " + show(value.get()));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) value.get());
    }

    /**
     * An object of string values, kept in file order. Numbers and booleans become their JSON text (Go users write
     * {@code "create_table": true} as readily as {@code "true"}); null becomes "", as Go's decoder makes it;
     * objects and arrays are reported under their own path.
     */
    Map<String, String> stringMap(String key) {
        Map<String, String> map = new LinkedHashMap<>();
        Optional<JsonNode> value = value(key);
        if (value.isEmpty()) {
            return map;
        }
        if (!value.get().isObject()) {
            error(key, "expected an object of string values, got " + show(value.get()));
            return map;
        }
        value.get().properties().forEach(entry -> {
            JsonNode v = entry.getValue();
            if (v.isContainerNode()) {
                issues.error(path(key) + "." + entry.getKey(), "expected a string value, got " + show(v));
            } else {
                map.put(entry.getKey(), v.isNull() ? "" : v.asText());
            }
        });
        return map;
    }

    /** Warns about every key not in {@code known}, in file order: a typo like "polling" would otherwise go unseen. */
    void warnUnknownKeys(Set<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                warn(key, "unknown key, ignored");
            }
        });
    }

    /** A value as it appears in JSON (strings quoted), shortened so one bad value cannot flood the log. */
    static String show(JsonNode value) {
        if (value.isContainerNode()) {
            return typeOf(value);
        }
        String json = value.toString();
        return json.length() <= MAX_SHOWN_CHARS ? json : json.substring(0, MAX_SHOWN_CHARS) + "...";
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }
}
