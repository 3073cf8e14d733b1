package io.idra.cli;

import io.idra.app.SyncLoader;
import io.idra.model.Sync;
import io.idra.model.SyncYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code syncs yaml FILE|NAME [--write [--replace]] [--show-passwords]}. */
@Command(name = "yaml", mixinStandardHelpOptions = true,
        description = {"Renders syncs as YAML route files.",
                "Each an idra-sync templatedRoute whose parameters are the record's fields by JSON path: the syncs"
                        + " of a JSON FILE, or the sync called NAME.",
                "Printed on stdout with passwords as ******** unless --show-passwords; --write writes"
                        + " routes/<sync_name>.yaml as is (passwords included), to be run instead of the JSON record:"
                        + " remove the JSON file then, as a sync defined twice is an error.",
                "To convert in one step instead: syncs import --yaml --replace config/syncs/<sync_name>.json."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class SyncsYaml implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|NAME", description = "A sync file, or the name of a sync in config/syncs/.")
    String what;

    @Option(names = "--write", description = "Write routes/<sync_name>.yaml instead of printing.")
    boolean write;

    @Option(names = "--replace", description = "With --write: overwrite an existing YAML file.")
    boolean replace;

    @Option(names = "--show-passwords", description = "Print connection strings as they are, passwords included.")
    boolean showPasswords;

    @Override
    public Integer call() throws Exception {
        Optional<List<Sync>> syncs = syncs();
        if (syncs.isEmpty()) {
            return 1;
        }
        if (!write) {
            syncs.get().forEach(sync -> System.out.print(SyncYaml.render(sync, SyncsView.shown(showPasswords))));
            return 0;
        }
        List<String> errors = new ArrayList<>();
        for (Sync sync : syncs.get()) {
            if (Files.exists(target(sync)) && !replace) {
                errors.add("sync '" + sync.name() + "': " + target(sync) + " exists already: use --replace to"
                        + " overwrite it");
            }
        }
        if (!errors.isEmpty()) {
            Console.errors(errors);
            return 1;
        }
        SyncFiles existing = SyncFiles.load();
        for (Sync sync : syncs.get()) {
            FileWrites.write(target(sync), SyncYaml.render(sync, UnaryOperator.identity()));
            System.out.println("sync '" + sync.name() + "': wrote " + target(sync));
            existing.find(sync.name()).map(SyncFiles.Entry::file).filter(f -> !f.equals(target(sync)))
                    .ifPresent(f -> Console.warnings(List.of("sync '" + sync.name() + "' is now defined in " + f
                            + " and in " + target(sync) + ": remove " + f + " before the next run")));
        }
        return 0;
    }

    private static Path target(Sync sync) {
        return SyncLoader.ROUTES_DIRECTORY.resolve(sync.name() + ".yaml");
    }

    /** The syncs of the file, or the named one; empty after printing the problems. */
    private Optional<List<Sync>> syncs() throws Exception {
        Path file = Path.of(what);
        if (!Files.isRegularFile(file)) {
            return SyncFiles.load().findOrReport(what).map(entry -> List.of(entry.sync()));
        }
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        Console.warnings(loaded.warnings());
        Console.errors(loaded.errors());
        return loaded.ok() ? Optional.of(loaded.syncs()) : Optional.empty();
    }
}
