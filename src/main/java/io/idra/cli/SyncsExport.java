package io.idra.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.idra.model.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code syncs export [FILE] [--show-passwords]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes every sync as one Idra JSON array, valid input for syncs import.",
                "To FILE, or to stdout; each record as syncs view prints it.",
                "Passwords are written as ******** unless --show-passwords: such a masked export is for reading"
                        + " and sharing, it cannot be imported back to a working state (its syncs would not"
                        + " connect). Use --show-passwords for a backup or to move syncs elsewhere.",
                "Nothing is written when a sync file has a mistake (a partial backup would be a trap)."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class SyncsExport implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write (replaced if it exists).")
    Path file;

    @Option(names = "--show-passwords", description = "Write connection strings as they are, passwords included.")
    boolean showPasswords;

    @Override
    public Integer call() throws Exception {
        SyncFiles files = SyncFiles.load();
        if (!files.errors().isEmpty()) {
            Console.errors(files.errors());
            Console.errors(List.of("nothing exported: fix the sync files first"));
            return 1;
        }
        ArrayNode array = Json.array();
        files.entries().forEach(entry -> array.add(RecordJson.of(entry.sync(), SyncsView.shown(showPasswords))));
        if (file == null) {
            Json.print(array);
        } else {
            FileWrites.write(file, Json.text(array));
            System.out.println("exported " + array.size() + " syncs to " + file
                    + (showPasswords ? "" : " (passwords masked)"));
        }
        return 0;
    }
}
