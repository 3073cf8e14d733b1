package io.idra.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sync record as flat route-template parameters, named by their JSON path ({@code sync_name},
 * {@code source_connector.table}, {@code source_connector.attributes.timestamp_delay_seconds} ...), and back. A
 * YAML route file is a {@code templatedRoute} of {@code idra-sync} with these parameters, so its fields are the
 * JSON fields ops already know, and a mistake in it gets the same located message as in a JSON file.
 */
public final class SyncParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncParameters() {
    }

    /** The parameters of a sync, in a stable order (record fields first, then each connector's). */
    public static Map<String, String> of(Sync sync) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", sync.id());
        p.put("sync_name", sync.name());
        p.put("mode", sync.mode().jsonName());
        p.put("disabled", String.valueOf(sync.disabled()));
        connector(p, "source_connector", sync.source());
        connector(p, "destination_connector", sync.destination());
        return p;
    }

    private static void connector(Map<String, String> p, String prefix, Connector c) {
        p.put(prefix + ".id", String.join(",", c.keyColumns()));
        p.put(prefix + ".connector_name", c.name());
        p.put(prefix + ".connector_source_type", c.type().jsonName());
        p.put(prefix + ".connection_string", c.connectionString());
        p.put(prefix + ".database", c.database());
        p.put(prefix + ".query", c.query());
        p.put(prefix + ".table", c.table());
        p.put(prefix + ".polling_time", String.valueOf(c.pollingSeconds()));
        p.put(prefix + ".timestamp_field", c.timestampField());
        p.put(prefix + ".timestamp_field_format", c.timestampFormat());
        p.put(prefix + ".max_record_batch_size", String.valueOf(c.batchSize()));
        p.put(prefix + ".save_mode", c.saveMode() == SaveMode.INSERT ? "Insert" : "Upsert");
        p.put(prefix + ".start_offset", String.valueOf(c.startOffset()));
        new TreeMap<>(c.attributes()).forEach((k, v) -> p.put(prefix + ".attributes." + k, v));
    }

    /** The record JSON of flat parameters (values as text: the reader accepts "60" for a number). */
    public static String toJson(Map<String, ?> parameters) {
        ObjectNode root = JSON.createObjectNode();
        parameters.forEach((key, value) -> {
            ObjectNode node = root;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.withObjectProperty(parts[i]);
            }
            node.put(parts[parts.length - 1], value == null ? "" : value.toString());
        });
        return root.toString();
    }
}
