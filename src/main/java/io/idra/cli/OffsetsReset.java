package io.idra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code offsets reset NAME [--force]}. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Deletes a sync's stored offset.",
                "Its next tick starts again from start_offset (from the first row when it is 0). Rows already at"
                        + " the destination are skipped by Insert and set to their current values by Upsert.",
                "Only for FullWithId, IdField and Timestamp, and refused while the sync is running, as offsets set."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class OffsetsReset implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The sync_name (matched ignoring case).")
    String name;

    @Option(names = "--force", description = "Reset it even though the sync seems to be running.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        return OffsetChange.make(name, force, (sync, offsets, stored) -> {
            offsets.delete(sync.id());
            long start = sync.source().startOffset();
            String from = start > 0 ? "start_offset " + start : "the first row";
            System.out.println("sync '" + sync.name() + "': " + stored
                    .map(before -> "offset " + OffsetInput.show(before) + " removed; the next tick starts from " + from)
                    .orElse("no stored offset; it starts from " + from));
            return 0;
        });
    }
}
