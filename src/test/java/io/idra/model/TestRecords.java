package io.idra.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/** Builds sync records for tests: one valid record, changed by small edits at dotted JSON paths. */
final class TestRecords {

    static final String ID = "11111111-2222-3333-4444-555555555555";
    /** Appears in both connection strings: no problem or warning may ever contain it. */
    static final String PASSWORD = "S3cretPw";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = """
            {"id": "%s", "sync_name": "s1", "mode": "IdField",
             "source_connector": {"connector_name": "src", "connector_source_type": "PostgresGORM",
                "connection_string": "host=db user=u password=%s dbname=x", "table": "t"},
             "destination_connector": {"connector_name": "dst", "connector_source_type": "MysqlGORM",
                "connection_string": "u:%s@tcp(db:3306)/x", "table": "t"}}
            """.formatted(ID, PASSWORD, PASSWORD);

    /** One change to a record. */
    interface Edit extends Consumer<ObjectNode> {
    }

    private TestRecords() {
    }

    /** Sets {@code path} (e.g. "source_connector.polling_time") to the JSON text {@code json}. */
    static Edit set(String path, String json) {
        return root -> parent(root, path).set(leaf(path), parse(json));
    }

    /** Several edits as one, applied in order. */
    static Edit all(Edit... edits) {
        return root -> List.of(edits).forEach(edit -> edit.accept(root));
    }

    static Edit remove(String path) {
        return root -> parent(root, path).remove(leaf(path));
    }

    /** The valid base record with the edits applied, as one JSON object. */
    static ObjectNode node(Edit... edits) {
        ObjectNode root = (ObjectNode) parse(BASE);
        for (Edit edit : edits) {
            edit.accept(root);
        }
        return root;
    }

    static String json(Edit... edits) {
        return node(edits).toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    private static ObjectNode parent(ObjectNode root, String path) {
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
