package io.idra.cli;

import io.idra.cursor.Offset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code offsets set NAME VALUE [--force]}. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Sets where a sync goes on from: its next tick copies the rows after VALUE.",
                "Only for the modes that keep their offset in the state store (FullWithId, IdField, Timestamp):"
                        + " LastDestinationId and LastDestinationTimestamp start every tick from MAX() of the"
                        + " destination table, so their offset moves only with the rows there.",
                "VALUE is the plain value for a one-column cursor (42, 2024-05-01T10:00:00.123456), a JSON array"
                        + " for a compound one: timestamp modes order by (timestamp_field, key), e.g."
                        + " '[\"2024-05-01T10:00:00\", 42]'. A value for every cursor column means after that row;"
                        + " the first values only mean from there on (rows equal to them included).",
                "Types follow the cursor: those of the stored offset's values when there is one; otherwise a"
                        + " timestamp is an ISO local date-time (a space for the T is accepted) and a key an integer"
                        + " when it reads as one, text otherwise.",
                "Refused while the sync may be running, as its next batch would overwrite the change: while its"
                        + " status row is younger than polling_time + max(polling_time, 60 s) + 30 s (two polling"
                        + " intervals; the row of an idle sync is rewritten once a minute). Stop it first, or use"
                        + " --force, e.g. right after a run --once."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class OffsetsSet implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The sync_name (matched ignoring case).")
    String name;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The new offset, e.g. 42 or"
            + " '[\"2024-05-01T10:00:00\", 42]'.")
    String value;

    @Option(names = "--force", description = "Set it even though the sync seems to be running.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        return OffsetChange.make(name, force, (sync, offsets, stored) -> {
            Offset offset;
            try {
                offset = OffsetInput.parse(sync, value, stored.orElse(null));
            } catch (IllegalArgumentException e) {
                Console.errors(List.of("sync '" + sync.name() + "': " + e.getMessage()));
                return 1;
            }
            offsets.save(sync.id(), sync.name(), offset);
            System.out.println("sync '" + sync.name() + "': offset set to " + OffsetInput.show(offset)
                    + stored.map(before -> " (was " + OffsetInput.show(before) + ")").orElse(""));
            return 0;
        });
    }
}
