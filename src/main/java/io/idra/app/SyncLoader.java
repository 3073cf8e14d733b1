package io.idra.app;

import io.idra.connect.ConnectionStrings;
import io.idra.connect.InvalidConnectionStringException;
import io.idra.connect.JdbcTarget;
import io.idra.cursor.GoLayout;
import io.idra.model.Attributes;
import io.idra.model.Connector;
import io.idra.model.LoadResult;
import io.idra.model.Problem;
import io.idra.model.Sync;
import io.idra.model.SyncReader;
import io.idra.model.SyncYaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads sync files and checks everything that can be checked without a database: the record itself, unique names
 * across files, and both connection strings. Only syncs without problems are returned.
 */
public final class SyncLoader {

    public static final Path DEFAULT_DIRECTORY = Path.of("config", "syncs");
    public static final Path ROUTES_DIRECTORY = Path.of("routes");

    /**
     * What was loaded, with every problem and warning found.
     *
     * @param syncs      every valid sync, of JSON and YAML files
     * @param routeFiles the valid syncs of each YAML route file (watched for live reload)
     */
    public record Loaded(List<Sync> syncs, Map<Path, List<Sync>> routeFiles, List<Problem> errors,
                         List<String> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private SyncLoader() {
    }

    /** The JSON files of {@code config/syncs/} and the YAML files of {@code routes/}, each sorted by name. */
    public static List<Path> defaultFiles() throws IOException {
        List<Path> files = new ArrayList<>(list(DEFAULT_DIRECTORY, ".json"));
        files.addAll(list(ROUTES_DIRECTORY, ".yaml"));
        return files;
    }

    private static List<Path> list(Path directory, String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    public static Loaded load(List<Path> files) {
        List<SyncReader.FromFile> read = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Path, List<String>> namesByFile = new LinkedHashMap<>();
        for (Path file : files) {
            boolean yaml = SyncYaml.isYaml(file) && Files.exists(file);
            LoadResult result = yaml ? SyncYaml.read(file) : SyncReader.read(file);
            if (yaml) {
                namesByFile.put(file, result.syncs().stream().map(Sync::name).toList());
            }
            errors.addAll(result.errors());
            warnings.addAll(result.warnings());
            result.syncs().forEach(sync -> read.add(new SyncReader.FromFile(sync, file.toString())));
        }
        errors.addAll(SyncReader.checkUnique(read));
        List<Sync> syncs = read.stream().map(SyncReader.FromFile::sync).toList();
        List<Sync> valid = new ArrayList<>();
        for (Sync sync : syncs) {
            int before = errors.size();
            checkConnection(sync, "source_connector", sync.source(), errors, warnings);
            checkConnection(sync, "destination_connector", sync.destination(), errors, warnings);
            checkKeys(sync, errors);
            checkLayout(sync, "source_connector", sync.source(), errors);
            checkLayout(sync, "destination_connector", sync.destination(), errors);
            checkSeconds(sync, Attributes.TIMESTAMP_DELAY_SECONDS, sync.mode().usesTimestamp(), errors, warnings);
            checkSeconds(sync, Attributes.ID_GAP_WAIT_SECONDS, !sync.mode().usesTimestamp(), errors, warnings);
            boolean duplicate = errors.stream().anyMatch(p -> p.sync().equals(sync.name()));
            if (errors.size() == before && !duplicate) {
                valid.add(sync);
            }
        }
        Map<Path, List<Sync>> routeFiles = new LinkedHashMap<>();
        namesByFile.forEach((file, names) -> routeFiles.put(file,
                valid.stream().filter(sync -> names.contains(sync.name())).toList()));
        return new Loaded(valid, routeFiles, errors, warnings);
    }

    /** The cursor pairs source and destination key columns one to one (LastDestinationId compares them). */
    private static void checkKeys(Sync sync, List<Problem> errors) {
        int source = sync.source().keyColumns().size();
        int destination = sync.destination().keyColumns().size();
        if (source != destination) {
            errors.add(new Problem(sync.name(), "destination_connector.id", "expected " + source
                    + " key column(s) like source_connector.id, got " + destination));
        }
    }

    /** timestamp_field_format must be a Go layout this product can translate. */
    private static void checkLayout(Sync sync, String path, Connector connector, List<Problem> errors) {
        if (connector.timestampFormat().isBlank()) {
            return;
        }
        try {
            GoLayout.of(connector.timestampFormat());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem(sync.name(), path + ".timestamp_field_format", e.getMessage()));
        }
    }

    /** A source attribute in seconds: a valid number, and only where the sync's mode uses it. */
    private static void checkSeconds(Sync sync, String attribute, boolean modeUsesIt, List<Problem> errors,
                                     List<String> warnings) {
        String path = "source_connector.attributes." + attribute;
        try {
            if (sync.source().seconds(attribute) > 0 && !modeUsesIt) {
                warnings.add(new Problem(sync.name(), path, "has no effect in mode " + sync.mode().jsonName())
                        .toString());
            }
        } catch (IllegalArgumentException e) {
            errors.add(new Problem(sync.name(), path, e.getMessage()));
        }
    }

    private static void checkConnection(Sync sync, String path, Connector connector, List<Problem> errors,
                                        List<String> warnings) {
        try {
            JdbcTarget target = ConnectionStrings.parse(connector.type(), connector.connectionString(),
                    connector.database());
            for (String key : target.ignoredKeys()) {
                warnings.add(new Problem(sync.name(), path + ".connection_string",
                        "parameter '" + key + "' has no effect here, ignored").toString());
            }
        } catch (InvalidConnectionStringException e) {
            errors.add(new Problem(sync.name(), path + ".connection_string", e.getMessage()));
        }
    }
}
