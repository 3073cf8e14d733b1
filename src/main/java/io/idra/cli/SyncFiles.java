package io.idra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idra.app.SyncLoader;
import io.idra.model.LoadResult;
import io.idra.model.Problem;
import io.idra.model.Sync;
import io.idra.model.SyncReader;
import io.idra.model.SyncYaml;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The syncs {@code run} loads without arguments (config/syncs/*.json and routes/*.yaml), checked as {@code run}
 * checks them, each with the file that defines it.
 */
final class SyncFiles {

    static final String WHERE = "config/syncs/*.json or routes/*.yaml";

    /** A valid sync and its file, as {@code run} found it (a relative path). */
    record Entry(Sync sync, Path file) {
    }

    private final List<Entry> entries;
    private final List<Problem> errors;

    private SyncFiles(List<Entry> entries, List<Problem> errors) {
        this.entries = entries;
        this.errors = errors;
    }

    static SyncFiles load() throws IOException {
        List<Path> files = SyncLoader.defaultFiles();
        SyncLoader.Loaded loaded = SyncLoader.load(files);
        // the loader keeps no file per JSON sync: reading each file again on its own (no database) tells it
        Map<String, Path> fileOf = new HashMap<>();
        for (Path file : files) {
            LoadResult read = SyncYaml.isYaml(file) ? SyncYaml.read(file) : SyncReader.read(file);
            read.syncs().forEach(sync -> fileOf.putIfAbsent(sync.name(), file));
        }
        List<Entry> entries = loaded.syncs().stream().map(sync -> new Entry(sync, fileOf.get(sync.name()))).toList();
        return new SyncFiles(entries, loaded.errors());
    }

    List<Entry> entries() {
        return entries;
    }

    /** Problems of every file; the syncs they concern are missing from {@link #entries()}. */
    List<Problem> errors() {
        return errors;
    }

    /** The sync of that name, matched exactly or else ignoring case (names are unique ignoring case). */
    Optional<Entry> find(String name) {
        return entries.stream().filter(e -> e.sync().name().equals(name)).findFirst()
                .or(() -> entries.stream().filter(e -> e.sync().name().equalsIgnoreCase(name)).findFirst());
    }

    /**
     * The sync of that name, or empty after printing why not: the problems of a record of that name that did not
     * load, or that no file defines it.
     */
    Optional<Entry> findOrReport(String name) {
        Optional<Entry> entry = find(name);
        if (entry.isEmpty()) {
            Console.errors(errors.stream().filter(p -> p.sync().equalsIgnoreCase(name)).toList());
            Console.errors(List.of("no valid sync named '" + name + "' in " + WHERE));
        }
        return entry;
    }

    /**
     * How many entries the file's top level holds (records of a JSON array, routes of a YAML list): a file is only
     * deleted with a sync when the sync is all it holds.
     */
    static int items(Path file) throws IOException {
        Object top;
        if (SyncYaml.isYaml(file)) {
            top = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } else {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            return json.isArray() ? json.size() : 1;
        }
        return top instanceof List<?> list ? list.size() : 1;
    }
}
