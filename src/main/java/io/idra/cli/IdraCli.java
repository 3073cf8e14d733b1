package io.idra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar idra.jar <command>}. Exit codes: 0 success; 1 a sync or a record failed (every problem printed,
 * one line each); 2 wrong usage.
 */
@Command(name = "idra", mixinStandardHelpOptions = true, version = "idra 0.1.0",
        description = "Keeps tables in sync between PostgreSQL and MySQL/MariaDB.",
        subcommands = {RunCommand.class, ValidateCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a sync or a sync record failed (each problem is printed on one line)",
                "2:wrong usage"})
public final class IdraCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return new CommandLine(new IdraCli()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: run or validate");
    }
}
