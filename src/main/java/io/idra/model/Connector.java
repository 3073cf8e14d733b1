package io.idra.model;

import java.util.List;
import java.util.Map;

/**
 * One end of a sync, as in SYNC-FORMAT.md "Connector", with defaults applied.
 *
 * @param keyColumns      the key column names (the record's {@code id}; a comma list is a composite key)
 * @param name            {@code connector_name}, a label for logs
 * @param pollingSeconds  seconds between ticks, never 0 (0/missing became 60)
 * @param batchSize       rows per batch, never 0 (0/missing became 5000), capped
 * @param saveMode        the record's value; the destination connector's decides
 * @param query           custom source SELECT, or "" to read {@code table}
 * @param timestampFormat Go time layout of a text timestamp column, or "" for a date/time column
 */
public record Connector(
        List<String> keyColumns,
        String name,
        ConnectorType type,
        String connectionString,
        String database,
        String query,
        String table,
        int pollingSeconds,
        String timestampField,
        String timestampFormat,
        int batchSize,
        SaveMode saveMode,
        long startOffset,
        Map<String, String> attributes) {

    public Connector {
        keyColumns = List.copyOf(keyColumns);
        attributes = Map.copyOf(attributes);
    }

    public boolean hasQuery() {
        return !query.isBlank();
    }

    /**
     * A whole number of seconds from {@code attributes}, 0 when absent.
     *
     * @throws IllegalArgumentException with the reason, when the value is not a whole number from 0 to 86400
     */
    public int seconds(String attribute) {
        String value = attributes.getOrDefault(attribute, "").strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0 && seconds <= 86_400) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("expected a whole number of seconds from 0 to 86400, got \"" + value + "\"");
    }

    /** Never print a connection string: it may hold a password. */
    @Override
    public String toString() {
        return "Connector[" + name + ", " + type.jsonName() + ", table=" + table + "]";
    }
}
