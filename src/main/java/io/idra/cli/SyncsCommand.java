package io.idra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code syncs list | view | import | export | delete | yaml}: the sync records in config/syncs/ and routes/. */
@Command(name = "syncs", mixinStandardHelpOptions = true,
        description = {"Lists, shows, imports, exports, deletes and converts sync records.",
                "They are the files run loads without arguments: config/syncs/*.json and routes/*.yaml, relative to"
                        + " the current directory."},
        subcommands = {SyncsList.class, SyncsView.class, SyncsImport.class, SyncsExport.class, SyncsDelete.class,
                SyncsYaml.class},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class SyncsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is needed: list, view, import, export, delete or yaml");
    }
}
