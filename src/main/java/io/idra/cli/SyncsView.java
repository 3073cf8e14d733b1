package io.idra.cli;

import io.idra.connect.ConnectionStringMask;
import io.idra.model.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code syncs view NAME [--show-passwords]}. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Prints one sync as its Idra JSON record.",
                "Every field as the program uses it (defaults filled in); passwords in connection strings as"
                        + " ******** unless --show-passwords."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class SyncsView implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The sync_name (matched ignoring case).")
    String name;

    @Option(names = "--show-passwords", description = "Print connection strings as written, passwords included.")
    boolean showPasswords;

    @Override
    public Integer call() throws Exception {
        return SyncFiles.load().findOrReport(name).map(entry -> {
            Json.print(RecordJson.of(entry.sync(), shown(showPasswords)));
            return 0;
        }).orElse(1);
    }

    /** How connection strings are printed: masked unless the user asked for passwords. */
    static UnaryOperator<String> shown(boolean showPasswords) {
        return showPasswords ? UnaryOperator.identity() : ConnectionStringMask::mask;
    }
}
