package io.idra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code offsets list | set | reset}: where each sync stands, kept in the state store (idra.state.url). */
@Command(name = "offsets", mixinStandardHelpOptions = true,
        description = {"Lists, sets and resets the syncs' offsets.",
                "An offset is the cursor values of the last row copied, kept in the state store (idra.state.url)"
                        + " by modes FullWithId, IdField and Timestamp. LastDestinationId and"
                        + " LastDestinationTimestamp keep none: every tick starts from MAX() of the destination"
                        + " table."},
        subcommands = {OffsetsList.class, OffsetsSet.class, OffsetsReset.class},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class OffsetsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: list, set or reset");
    }
}
