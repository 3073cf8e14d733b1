package io.idra.cli;

import io.idra.app.SyncLoader;
import io.idra.connect.ConnectionStringMask;
import io.idra.model.Connector;
import io.idra.model.Problem;
import io.idra.model.RecordJson;
import io.idra.model.Sync;
import io.idra.model.SyncYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code syncs import FILE [--yaml] [--replace]}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Adds the syncs of a file, one file per sync.",
                "FILE holds one JSON record, an Idra JSON array such as syncs export writes, or YAML route files."
                        + " Each sync is written to config/syncs/<sync_name>.json (routes/<sync_name>.yaml with"
                        + " --yaml) in canonical form, as syncs view prints it.",
                "Every record is checked first, as validate does, and against the syncs already there (names"
                        + " unique ignoring case, ids unique): when anything is wrong, nothing is written.",
                "An existing sync of the same name is refused unless --replace; replacing removes its old file"
                        + " when that file held it alone."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class SyncsImport implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A .json file (object or array) or a .yaml/.yml route file.")
    Path file;

    @Option(names = "--yaml", description = "Write YAML route files in routes/ instead of JSON files.")
    boolean yaml;

    @Option(names = "--replace", description = "Overwrite syncs that already exist (by sync_name).")
    boolean replace;

    /** A sync to write, and the file of its earlier version to remove (null when none or the same file). */
    private record Write(Sync sync, Path target, Path obsolete) {
    }

    @Override
    public Integer call() throws Exception {
        SyncLoader.Loaded input = SyncLoader.load(List.of(file));
        Console.warnings(input.warnings());
        List<String> errors = new ArrayList<>(input.errors().stream().map(Problem::toString).toList());
        if (input.ok() && input.syncs().isEmpty()) {
            errors.add(file + " holds no sync");
        }
        SyncFiles existing = SyncFiles.load();
        List<Write> writes = new ArrayList<>();
        for (Sync sync : input.syncs()) {
            plan(sync, existing, errors).ifPresent(writes::add);
        }
        if (!errors.isEmpty()) {
            Console.errors(errors);
            Console.errors(List.of("nothing imported"));
            return 1;
        }
        for (Write write : writes) {
            FileWrites.write(write.target(), yaml ? SyncYaml.render(write.sync(), UnaryOperator.identity())
                    : Json.text(RecordJson.of(write.sync(), UnaryOperator.identity())));
            if (write.obsolete() != null) {
                Files.delete(write.obsolete());
            }
            System.out.println("sync '" + write.sync().name() + "': imported to " + write.target()
                    + (write.obsolete() != null ? ", " + write.obsolete() + " removed" : ""));
            warnIfMasked(write.sync(), write.target());
        }
        return 0;
    }

    private Optional<Write> plan(Sync sync, SyncFiles existing, List<String> errors) throws IOException {
        Path target = yaml ? SyncLoader.ROUTES_DIRECTORY.resolve(sync.name() + ".yaml")
                : SyncLoader.DEFAULT_DIRECTORY.resolve(sync.name() + ".json");
        String who = "sync '" + sync.name() + "': ";
        existing.entries().stream()
                .filter(e -> e.sync().id().equals(sync.id()) && !e.sync().name().equalsIgnoreCase(sync.name()))
                .findFirst()
                .ifPresent(e -> errors.add(who + "id: " + sync.id() + " is already the id of sync '"
                        + e.sync().name() + "' (" + e.file() + "); ids must be unique, offsets are kept by id"));
        Optional<SyncFiles.Entry> same = existing.find(sync.name());
        if (same.isEmpty()) {
            if (Files.exists(target) && !replace) {
                errors.add(who + target + " exists already: use --replace to overwrite it");
                return Optional.empty();
            }
            return Optional.of(new Write(sync, target, null));
        }
        Path old = same.get().file();
        if (!replace) {
            errors.add(who + "exists already in " + old + ": use --replace to overwrite it");
            return Optional.empty();
        }
        if (sameFile(old, target)) {
            return Optional.of(new Write(sync, target, null));
        }
        if (SyncFiles.items(old) != 1) {
            errors.add(who + "exists in " + old + " beside other entries: edit that file instead");
            return Optional.empty();
        }
        return Optional.of(new Write(sync, target, old));
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** An import of a masked export succeeds, but its syncs cannot connect until the passwords are put back. */
    private static void warnIfMasked(Sync sync, Path target) {
        warnIfMasked(sync, "source_connector", sync.source(), target);
        warnIfMasked(sync, "destination_connector", sync.destination(), target);
    }

    private static void warnIfMasked(Sync sync, String path, Connector connector, Path target) {
        if (connector.connectionString().contains(ConnectionStringMask.MASK)) {
            Console.warnings(List.of(new Problem(sync.name(), path + ".connection_string", "holds "
                    + ConnectionStringMask.MASK + " where a password was (a masked export): write the real password"
                    + " into " + target + " before the sync runs").toString()));
        }
    }
}
