package io.idra.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.app.SyncLoader;
import io.idra.model.Problem;
import io.idra.model.Sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sync the demo runs: the canonical seed record of the docs (a copy of {@code spec/seed-sync.json}, on the
 * classpath as {@value #RESOURCE}) pointed at the demo's databases, loaded by {@link SyncLoader} like any sync file.
 *
 * <p>What changes from the seed, and why (each change is printed when the demo starts):
 * <ul>
 *   <li>both {@code connection_string}s: the server, login and database only, every other parameter kept;</li>
 *   <li>{@code polling_time} 60 → {@value #POLLING_SECONDS} s on both connectors, so that rows show up while
 *       one watches;</li>
 *   <li>{@code save_mode} Insert → Upsert on both connectors, because the demo also updates existing children and
 *       an Insert sync skips keys already present, so updates would never arrive; with {@code --insert-only} the
 *       seed's Insert is kept and the demo only inserts.</li>
 * </ul>
 */
public final class DemoSync {

    public static final String RESOURCE = "/io/idra/demo/seed-sync.json";
    public static final int POLLING_SECONDS = 2;

    private DemoSync() {
    }

    /**
     * Writes the demo's record to {@code dir} and loads it.
     *
     * @param changes gets one line per change made to the seed
     */
    public static List<Sync> load(DemoServer source, DemoServer destination, boolean upsert, Path dir,
                                  List<String> changes, List<String> warnings) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode record;
        try (InputStream in = DemoSync.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            record = (ObjectNode) json.readTree(in);
        }
        point(record, "source_connector", source, changes);
        point(record, "destination_connector", destination, changes);
        for (String connector : List.of("source_connector", "destination_connector")) {
            ((ObjectNode) record.get(connector)).put("polling_time", POLLING_SECONDS);
        }
        changes.add("polling_time: 60 → " + POLLING_SECONDS + " s, so that rows show up while you watch");
        if (upsert) {
            for (String connector : List.of("source_connector", "destination_connector")) {
                ((ObjectNode) record.get(connector)).put("save_mode", "Upsert");
            }
            changes.add("save_mode: Insert → Upsert, because the demo also updates children (a birthday: eta + 1,"
                    + " ts = now) and an Insert sync skips keys already present (--insert-only keeps Insert)");
        }

        Path file = dir.resolve("seed-sync.json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(record));
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        warnings.addAll(loaded.warnings());
        if (!loaded.ok()) {
            throw new DemoFailure("the demo's sync record does not load: " + loaded.errors().stream()
                    .map(Problem::toString).collect(Collectors.joining("; ")));
        }
        return loaded.syncs();
    }

    private static void point(ObjectNode record, String connector, DemoServer server, List<String> changes) {
        ObjectNode node = (ObjectNode) record.get(connector);
        String pointed = server.idraConnectionString(node.get("connection_string").asText());
        node.put("connection_string", pointed);
        String shown = server.password().isEmpty() ? pointed : pointed.replace(server.password(), "***");
        changes.add(connector + ".connection_string: " + shown);
    }
}
