package io.idra.cli;

import io.idra.app.IdraApplication;
import io.idra.app.OnceRun;
import io.idra.app.SyncLoader;
import io.idra.model.Sync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code run [--once] [FILE...]}: runs syncs with config/application.properties. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the syncs of the given files, or of every file in config/syncs/, until stopped.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--once", description = "Run one tick of each enabled sync (until caught up), then exit: "
            + "0 when all succeeded, 1 with the errors printed otherwise.")
    boolean once;

    @Option(names = "--timeout", defaultValue = "24", paramLabel = "HOURS",
            description = "With --once: give up after this many hours (default: ${DEFAULT-VALUE}).")
    long timeoutHours;

    @Parameters(arity = "0..*", paramLabel = "SYNC_FILE", description = "JSON files with one sync or an array of them")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        if (timeoutHours < 1) {
            Console.errors(List.of("--timeout must be 1 hour or more, not " + timeoutHours));
            return 2;
        }
        List<Path> chosen = files == null || files.isEmpty() ? SyncLoader.defaultFiles() : files;
        if (chosen.isEmpty()) {
            Console.errors(List.of("no sync files given and none in " + SyncLoader.DEFAULT_DIRECTORY + "/"));
            return 1;
        }
        SyncLoader.Loaded loaded = SyncLoader.load(chosen);
        Console.warnings(loaded.warnings());
        if (!loaded.ok()) {
            Console.errors(loaded.errors());
            return 1;
        }
        IdraApplication app = new IdraApplication(loaded, Map.of());
        if (!once) {
            app.runForever();
            return 0;
        }
        OnceRun run = app.runOnce(timeoutHours, TimeUnit.HOURS);
        for (Sync sync : loaded.syncs()) {
            if (sync.disabled()) {
                System.out.println("sync '" + sync.name() + "': disabled, not run");
            } else if (run.error(sync.name()) == null) {
                System.out.println("sync '" + sync.name() + "': OK, " + run.rows(sync.name()) + " rows copied");
            }
        }
        Console.errors(run.errors());
        return run.errors().isEmpty() ? 0 : 1;
    }
}
