package io.idra.cli;

import io.idra.model.Sync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code syncs delete NAME [--offset [--force]]}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Deletes the file that defines a sync.",
                "A file that holds other syncs or routes too is left alone (edit it instead). A program already"
                        + " running keeps the sync until it restarts, unless the file is a YAML route file and reload"
                        + " is on.",
                "--offset also deletes its stored offset, so a sync created again under the same id starts from"
                        + " start_offset; refused while the sync runs (see offsets set)."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class SyncsDelete implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The sync_name (matched ignoring case).")
    String name;

    @Option(names = "--offset", description = "Also delete the sync's offset from the state store.")
    boolean offset;

    @Option(names = "--force", description = "With --offset: delete it even though the sync seems to be running.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Optional<SyncFiles.Entry> found = SyncFiles.load().findOrReport(name);
        if (found.isEmpty()) {
            return 1;
        }
        Sync sync = found.get().sync();
        int items = SyncFiles.items(found.get().file());
        if (items != 1) {
            Console.errors(List.of("sync '" + sync.name() + "': " + found.get().file() + " holds " + items
                    + " entries, not only this sync: remove it from that file by hand"));
            return 1;
        }
        if (offset && !sync.mode().offsetInDestination()) {
            try (StateStore store = StateStore.open()) {
                Optional<String> refusal = OffsetChange.refusal(sync, store, force);
                if (refusal.isPresent()) {
                    Console.errors(List.of(refusal.get()));
                    return 1;
                }
                Files.delete(found.get().file());
                boolean deleted = store.offsets().delete(sync.id());
                System.out.println("sync '" + sync.name() + "': deleted " + found.get().file()
                        + (deleted ? " and its offset" : "; it had no stored offset"));
                return 0;
            }
        }
        Files.delete(found.get().file());
        System.out.println("sync '" + sync.name() + "': deleted " + found.get().file()
                + (offset ? "; mode " + sync.mode().jsonName() + " stores no offset" : ""));
        return 0;
    }
}
