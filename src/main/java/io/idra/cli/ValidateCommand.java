package io.idra.cli;

import io.idra.app.SyncLoader;
import io.idra.model.Sync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code validate FILE...}: checks sync records without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks sync files: prints OK per sync, or every problem (one line each) and exits 1.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SYNC_FILE", description = "JSON files with one sync or an array of them")
    List<Path> files;

    @Override
    public Integer call() {
        SyncLoader.Loaded loaded = SyncLoader.load(files);
        Console.warnings(loaded.warnings());
        for (Sync sync : loaded.syncs()) {
            System.out.println("sync '" + sync.name() + "': OK");
        }
        Console.errors(loaded.errors());
        return loaded.ok() ? 0 : 1;
    }
}
