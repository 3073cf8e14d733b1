package io.idra.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one connector object of a sync record into a {@link Connector}, with the defaults of SYNC-FORMAT.md. */
final class ConnectorReader {

    static final int DEFAULT_POLLING_SECONDS = 60;
    static final int DEFAULT_BATCH_SIZE = 5000;
    /** Larger batches only cost memory (the MySQL driver keeps ~3.5 KB per batched row) and longer transactions. */
    static final int MAX_BATCH_SIZE = 100_000;
    static final String DEFAULT_KEY_COLUMN = "id";

    static final Set<String> KEYS = Set.of("id", "connector_name", "connector_source_type", "connection_string",
            "database", "query", "table", "polling_time", "timestamp_field", "timestamp_field_format",
            "max_record_batch_size", "save_mode", "start_offset", "token", "attributes");

    private static final String SUPPORTED_TYPES =
            Arrays.stream(ConnectorType.values()).map(ConnectorType::jsonName).collect(Collectors.joining(", "));
    private static final String KNOWN_ATTRIBUTES = Attributes.KNOWN.stream().sorted().collect(Collectors.joining(", "));
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    /** The two connectors of a sync, by their key in the record. */
    enum Role {
        SOURCE("source_connector"),
        DESTINATION("destination_connector");

        final String key;

        Role(String key) {
            this.key = key;
        }
    }

    private final Issues issues;
    private final Optional<Mode> mode;

    /** @param mode the sync's mode, or empty when it is invalid: then the mode-specific checks are skipped */
    ConnectorReader(Issues issues, Optional<Mode> mode) {
        this.issues = issues;
        this.mode = mode;
    }

    /**
     * @param timestampFallback the source's timestamp_field, used when a destination leaves its own empty
     * @return the connector, or empty when it has errors (they are in {@link Issues})
     */
    Optional<Connector> read(ObjectNode node, Role role, String timestampFallback) {
        int errorsBefore = issues.errorCount();
        FieldReader f = new FieldReader(node, role.key + ".", issues);
        List<String> keyColumns = keyColumns(f);
        String name = f.string("connector_name");
        Optional<ConnectorType> type = type(f);
        String connectionString = connectionString(f);
        String database = f.string("database").strip();
        String query = f.string("query");
        String table = f.string("table").strip();
        checkTableAndQuery(f, role, query);
        checkTableName(f, table);
        int polling = pollingSeconds(f);
        String timestampField = timestampField(f, role, timestampFallback);
        String timestampFormat = f.string("timestamp_field_format");
        int batchSize = batchSize(f);
        SaveMode saveMode = saveMode(f, role);
        long startOffset = startOffset(f);
        f.string("token"); // accepted and unused by SQL connectors; read only to check its type
        Map<String, String> attributes = attributes(f);
        f.warnUnknownKeys(KEYS);
        if (issues.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Connector(keyColumns, name, type.orElseThrow(), connectionString, database, query,
                table, polling, timestampField, timestampFormat, batchSize, saveMode, startOffset, attributes));
    }

    /** The key column(s): a comma list is a composite key, allowed in every mode. */
    private static List<String> keyColumns(FieldReader f) {
        String text = f.string("id");
        if (text.isBlank()) {
            return List.of(DEFAULT_KEY_COLUMN);
        }
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String column = part.strip();
            if (column.isEmpty()) {
                f.error("id", "expected key column names separated by commas, got an empty name in \"" + text + "\"");
                return List.of();
            }
            // MySQL compares column names ignoring case, so "id,ID" names one column twice there.
            if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                f.error("id", "expected distinct key column names, got \"" + column + "\" twice in \"" + text + "\"");
                return List.of();
            }
            columns.add(column);
        }
        return columns;
    }

    private static Optional<ConnectorType> type(FieldReader f) {
        String name = f.string("connector_source_type");
        if (name.isEmpty()) {
            if (f.isBlank("connector_source_type")) {
                f.error("connector_source_type", "required: expected one of " + SUPPORTED_TYPES);
            }
            return Optional.empty();
        }
        Optional<ConnectorType> type = ConnectorType.fromJson(name);
        if (type.isEmpty() && ConnectorType.KNOWN_UNSUPPORTED.contains(name)) {
            f.error("connector_source_type", name + " is not supported yet (supported: " + SUPPORTED_TYPES + ")");
        } else if (type.isEmpty()) {
            f.error("connector_source_type", "unknown connector type " + FieldReader.show(
                    f.value("connector_source_type").orElseThrow()) + ", expected one of " + SUPPORTED_TYPES);
        }
        return type;
    }

    /** Only checked for presence: the connection component parses it. Never echoed, it may hold a password. */
    private static String connectionString(FieldReader f) {
        String text = f.secretString("connection_string");
        if (f.isBlank("connection_string")) {
            f.error("connection_string", "required: expected a non-empty connection string");
        }
        return text;
    }

    private static void checkTableAndQuery(FieldReader f, Role role, String query) {
        if (role == Role.DESTINATION) {
            if (!query.isBlank()) {
                f.error("query", "expected no query on the destination connector: a destination writes to its table");
            }
            if (f.isBlank("table")) {
                f.error("table", "required: expected the name of the destination table");
            }
        } else if (f.isBlank("table") && f.isBlank("query")) {
            f.error("table", "required: expected a table name, or a query in source_connector.query");
        }
    }

    /** "a..b" or "schema." would otherwise reach the database as a name with an empty part. */
    private static void checkTableName(FieldReader f, String table) {
        if (!table.isEmpty() && Arrays.stream(table.split("\\.", -1)).anyMatch(String::isBlank)) {
            f.error("table", "expected a table name or schema.table, got "
                    + FieldReader.show(f.value("table").orElseThrow()));
        }
    }

    private static int pollingSeconds(FieldReader f) {
        Optional<BigInteger> seconds = f.integer("polling_time", "an integer number of seconds");
        if (seconds.isEmpty() || seconds.get().signum() == 0) {
            return DEFAULT_POLLING_SECONDS;
        }
        if (seconds.get().signum() < 0 || seconds.get().compareTo(MAX_INT) > 0) {
            f.error("polling_time", "expected an integer number of seconds from 0 to " + Integer.MAX_VALUE
                    + " (0 means " + DEFAULT_POLLING_SECONDS + "), got " + seconds.get());
            return DEFAULT_POLLING_SECONDS;
        }
        return seconds.get().intValue();
    }

    /**
     * Timestamp needs the source's column; LastDestinationTimestamp also reads MAX() of the destination's. A
     * destination that leaves it empty uses the source's name: the two tables usually share their column names
     * (the seed gives "ts" on both), and a missing source value is already reported once on the source.
     */
    private String timestampField(FieldReader f, Role role, String fallback) {
        String field = f.string("timestamp_field").strip();
        if (mode.isEmpty() || !mode.get().usesTimestamp() || !field.isEmpty()) {
            return field;
        }
        if (role == Role.DESTINATION) {
            return fallback;
        }
        if (f.isBlank("timestamp_field")) {
            f.error("timestamp_field", "required for mode " + mode.get().jsonName()
                    + ": expected the name of the timestamp column");
        }
        return field;
    }

    private static int batchSize(FieldReader f) {
        Optional<BigInteger> rows = f.integer("max_record_batch_size", "an integer number of rows");
        if (rows.isEmpty() || rows.get().signum() == 0) {
            return DEFAULT_BATCH_SIZE;
        }
        if (rows.get().signum() < 0) {
            f.error("max_record_batch_size", "expected an integer number of rows, 0 or more (0 means "
                    + DEFAULT_BATCH_SIZE + "), got " + rows.get());
            return DEFAULT_BATCH_SIZE;
        }
        if (rows.get().compareTo(BigInteger.valueOf(MAX_BATCH_SIZE)) > 0) {
            f.warn("max_record_batch_size", rows.get() + " rows is above the maximum of " + MAX_BATCH_SIZE
                    + "; capped at " + MAX_BATCH_SIZE);
            return MAX_BATCH_SIZE;
        }
        return rows.get().intValue();
    }

    /** Case-insensitive, as hand-written records say "insert" as often as "Insert"; empty means Upsert, as in Idra. */
    private SaveMode saveMode(FieldReader f, Role role) {
        String text = f.string("save_mode").strip();
        SaveMode saveMode = switch (text.toLowerCase(Locale.ROOT)) {
            case "", "upsert", "merge" -> SaveMode.UPSERT;
            case "insert" -> SaveMode.INSERT;
            default -> {
                f.error("save_mode", "expected Insert, Upsert or Merge, got "
                        + FieldReader.show(f.value("save_mode").orElseThrow()));
                yield SaveMode.UPSERT;
            }
        };
        // Only a value the record states is warned about: an empty save_mode is Idra's default, not a choice.
        if (role == Role.DESTINATION && mode.equals(Optional.of(Mode.FULL_WITH_ID))
                && !text.isEmpty() && saveMode == SaveMode.UPSERT) {
            f.warn("save_mode", "FullWithId is insert-only; save_mode Upsert is ignored");
        }
        return saveMode;
    }

    private static long startOffset(FieldReader f) {
        Optional<BigInteger> offset = f.integer("start_offset", "an integer key or epoch milliseconds");
        if (offset.isEmpty()) {
            return 0;
        }
        if (offset.get().signum() < 0 || offset.get().compareTo(MAX_LONG) > 0) {
            f.error("start_offset", "expected an integer from 0 to " + Long.MAX_VALUE + ", got " + offset.get());
            return 0;
        }
        return offset.get().longValue();
    }

    private static Map<String, String> attributes(FieldReader f) {
        Map<String, String> attributes = f.stringMap("attributes");
        attributes.keySet().stream().filter(key -> !Attributes.KNOWN.contains(key)).forEach(key ->
                f.warn("attributes." + key, "unknown attribute, kept but unused (known: " + KNOWN_ATTRIBUTES + ")"));
        return attributes;
    }
}
