package io.idra.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A sync as an Idra JSON record in its canonical form: every field written with the value the program uses
 * (defaults filled in, {@code Merge} as {@code Upsert}, numbers as numbers), so reading it back gives the same sync
 * and writing that again gives the same text. Exports, {@code syncs view} and imported files use it.
 */
public final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordJson() {
    }

    /** @param shownConnection how a connection string is written (masked unless passwords were asked for) */
    public static ObjectNode of(Sync sync, UnaryOperator<String> shownConnection) {
        ObjectNode record = JSON.createObjectNode();
        record.put("id", sync.id());
        record.put("sync_name", sync.name());
        record.put("mode", sync.mode().jsonName());
        record.put("disabled", sync.disabled());
        record.set("source_connector", connector(sync.source(), shownConnection));
        record.set("destination_connector", connector(sync.destination(), shownConnection));
        return record;
    }

    private static ObjectNode connector(Connector c, UnaryOperator<String> shownConnection) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", String.join(",", c.keyColumns()));
        node.put("connector_name", c.name());
        node.put("connector_source_type", c.type().jsonName());
        node.put("connection_string", shownConnection.apply(c.connectionString()));
        node.put("database", c.database());
        node.put("query", c.query());
        node.put("table", c.table());
        node.put("polling_time", c.pollingSeconds());
        node.put("timestamp_field", c.timestampField());
        node.put("timestamp_field_format", c.timestampFormat());
        node.put("max_record_batch_size", c.batchSize());
        node.put("save_mode", c.saveMode() == SaveMode.INSERT ? "Insert" : "Upsert");
        node.put("start_offset", c.startOffset());
        if (!c.attributes().isEmpty()) {
            ObjectNode attributes = node.putObject("attributes");
            new TreeMap<>(c.attributes()).forEach(attributes::put);
        }
        return node;
    }
}
