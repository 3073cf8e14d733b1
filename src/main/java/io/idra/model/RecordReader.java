package io.idra.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads one sync object into a {@link Sync}, collecting every problem of the record. */
final class RecordReader {

    /** The name becomes a Camel route id, a Quartz job name and a file name: nothing those could misread. */
    static final Pattern SYNC_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    static final Set<String> KEYS =
            Set.of("id", "sync_name", "source_connector", "destination_connector", "mode", "disabled");
    static final int MAX_ID_LENGTH = 64;

    private static final String MODES =
            Arrays.stream(Mode.values()).map(Mode::jsonName).collect(Collectors.joining(", "));
    private static final String CONNECTOR = "a connector object";

    /**
     * What one record yielded. The name and the id the record states are kept even when the record has other
     * errors, so that a duplicate is reported in the same run as those errors.
     *
     * @param name     the sync_name when it is valid
     * @param statedId the id written in the record (not one generated here)
     * @param sync     the sync, when the record has no error
     */
    record Outcome(Issues issues, Optional<String> name, Optional<String> statedId, Optional<Sync> sync) {
    }

    private RecordReader() {
    }

    /** @param fallbackLabel how problems name the record when it has no valid sync_name, e.g. "<f.json>#2" */
    static Outcome read(ObjectNode node, String fallbackLabel) {
        Optional<String> name = validName(node.get("sync_name"));
        Issues issues = new Issues(name.orElse(fallbackLabel));
        FieldReader f = new FieldReader(node, "", issues);
        Optional<String> statedId = f.isBlank("id") ? Optional.empty() : Optional.of(f.string("id"));
        if (statedId.isPresent() && statedId.get().length() > MAX_ID_LENGTH) {
            // the state store keys offsets by it in a column of this size
            f.error("id", "expected at most " + MAX_ID_LENGTH + " characters (a UUID has 36), got "
                    + statedId.get().length());
        }
        checkName(f, name);
        Optional<Mode> mode = mode(f);
        boolean disabled = f.bool("disabled", false);
        ConnectorReader connectors = new ConnectorReader(issues, mode);
        Optional<Connector> source = f.object(ConnectorReader.Role.SOURCE.key, CONNECTOR)
                .flatMap(n -> connectors.read(n, ConnectorReader.Role.SOURCE, ""));
        String timestampFallback = source.map(Connector::timestampField).orElse("");
        Optional<Connector> destination = f.object(ConnectorReader.Role.DESTINATION.key, CONNECTOR)
                .flatMap(n -> connectors.read(n, ConnectorReader.Role.DESTINATION, timestampFallback));
        f.warnUnknownKeys(KEYS);
        String id = statedId.orElseGet(() -> idFor(name.orElse("")));
        Optional<Sync> sync = issues.errorCount() > 0 ? Optional.empty() : Optional.of(new Sync(
                id, name.orElseThrow(), source.orElseThrow(), destination.orElseThrow(), mode.orElseThrow(), disabled));
        return new Outcome(issues, name, statedId.filter(s -> !s.isEmpty()), sync);
    }

    private static Optional<String> validName(JsonNode value) {
        return Optional.ofNullable(value)
                .filter(JsonNode::isTextual)
                .map(JsonNode::textValue)
                .filter(text -> SYNC_NAME.matcher(text).matches());
    }

    private static void checkName(FieldReader f, Optional<String> name) {
        String text = f.string("sync_name");
        if (f.isBlank("sync_name")) {
            f.error("sync_name", "required: expected a non-empty name");
        } else if (name.isEmpty() && !text.isEmpty()) {
            f.error("sync_name", "expected a name matching ^" + SYNC_NAME.pattern() + "$ (it becomes a Camel route id,"
                    + " a Quartz job name and a file name), got " + FieldReader.show(f.value("sync_name").orElseThrow()));
        }
    }

    private static Optional<Mode> mode(FieldReader f) {
        Optional<JsonNode> value = f.value("mode");
        if (value.isEmpty()) {
            f.error("mode", "required: expected one of " + MODES);
            return Optional.empty();
        }
        Optional<Mode> mode = value.filter(JsonNode::isTextual).flatMap(v -> Mode.fromJson(v.textValue()));
        if (mode.isEmpty()) {
            f.error("mode", "expected one of " + MODES + ", got " + FieldReader.show(value.get()));
        }
        return mode;
    }

    /**
     * SYNC-FORMAT.md: a missing id gets a new UUID. It is derived from the sync_name (a name-based UUID), not
     * random, so the same record gets the same id at every load and on every node, and an offset kept in the state
     * store is found again after a restart.
     */
    public static String idFor(String syncName) {
        return UUID.nameUUIDFromBytes(("idra-sync:" + syncName).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
