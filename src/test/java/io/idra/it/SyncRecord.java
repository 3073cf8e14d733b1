package io.idra.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sync record as a JSON tree, for tests that break one field at a time: {@code set("source_connector.polling_time",
 * "\"abc\"")} puts any JSON value, of any type, at a dotted path.
 */
final class SyncRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;

    private SyncRecord(ObjectNode root) {
        this.root = root;
    }

    static SyncRecord of(SyncJson sync) {
        try {
            return new SyncRecord((ObjectNode) JSON.readTree(sync.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param json the value as JSON text: {@code "\"text\""}, {@code "5"}, {@code "[1]"} */
    SyncRecord set(String path, String json) {
        try {
            JsonNode value = JSON.readTree(json);
            parent(path).set(key(path), value);
            return this;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    SyncRecord setText(String path, String text) {
        parent(path).put(key(path), text);
        return this;
    }

    SyncRecord remove(String path) {
        parent(path).remove(key(path));
        return this;
    }

    private ObjectNode parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? root : (ObjectNode) root.at("/" + path.substring(0, dot).replace('.', '/'));
    }

    private static String key(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return root.toPrettyString();
    }
}
