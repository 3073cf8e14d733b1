package io.idra.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;

import java.util.UUID;

/** Builds sync records in Idra's JSON format for tests, pointed at test databases. */
public final class SyncJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode source;
    private final ObjectNode destination;

    private SyncJson(String name, Mode mode, TestDatabase from, TestDatabase to) {
        root.put("id", UUID.randomUUID().toString());
        root.put("sync_name", name);
        source = connector(from, "src");
        destination = connector(to, "dst");
        root.set("source_connector", source);
        root.set("destination_connector", destination);
        root.put("mode", mode.jsonName());
        root.put("disabled", false);
    }

    public static SyncJson sync(String name, Mode mode, TestDatabase from, TestDatabase to) {
        return new SyncJson(name, mode, from, to);
    }

    private static ObjectNode connector(TestDatabase db, String label) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", "id");
        c.put("connector_name", label);
        c.put("connector_source_type", db.kind().jsonName());
        c.put("connection_string", db.idraConnectionString());
        c.put("database", "");
        c.put("query", "");
        c.put("table", "");
        c.put("polling_time", 1);
        c.put("timestamp_field", "");
        c.put("timestamp_field_format", "");
        c.put("max_record_batch_size", 0);
        c.put("save_mode", "Upsert");
        c.put("start_offset", 0);
        c.put("token", "");
        return c;
    }

    public SyncJson mode(Mode mode) {
        root.put("mode", mode.jsonName());
        return this;
    }

    public SyncJson table(String table) {
        source.put("table", table);
        destination.put("table", table);
        return this;
    }

    public SyncJson tables(String sourceTable, String destinationTable) {
        source.put("table", sourceTable);
        destination.put("table", destinationTable);
        return this;
    }

    public SyncJson key(String key) {
        source.put("id", key);
        destination.put("id", key);
        return this;
    }

    public SyncJson timestamp(String field) {
        source.put("timestamp_field", field);
        destination.put("timestamp_field", field);
        return this;
    }

    public SyncJson timestampFormat(String goLayout) {
        source.put("timestamp_field_format", goLayout);
        destination.put("timestamp_field_format", goLayout);
        return this;
    }

    public SyncJson batch(int size) {
        source.put("max_record_batch_size", size);
        destination.put("max_record_batch_size", size);
        return this;
    }

    public SyncJson saveMode(String mode) {
        source.put("save_mode", mode);
        destination.put("save_mode", mode);
        return this;
    }

    public SyncJson query(String sql) {
        source.put("query", sql);
        return this;
    }

    public SyncJson startOffset(long offset) {
        source.put("start_offset", offset);
        return this;
    }

    public SyncJson sourceAttribute(String key, String value) {
        ((ObjectNode) source.withObject("/attributes")).put(key, value);
        return this;
    }

    public SyncJson destinationAttribute(String key, String value) {
        ((ObjectNode) destination.withObject("/attributes")).put(key, value);
        return this;
    }

    public SyncJson sourceConnection(String connectionString) {
        source.put("connection_string", connectionString);
        return this;
    }

    public SyncJson destinationConnection(String connectionString) {
        destination.put("connection_string", connectionString);
        return this;
    }

    public String name() {
        return root.get("sync_name").asText();
    }

    public String id() {
        return root.get("id").asText();
    }

    @Override
    public String toString() {
        return root.toPrettyString();
    }
}
