package io.idra.cli;

import io.idra.route.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * {@code java -jar idra.jar <command>}. Exit codes: 0 success; 1 a sync or a record failed (every problem printed,
 * one line each); 2 wrong usage.
 */
@Command(name = "idra", mixinStandardHelpOptions = true, version = "idra 0.1.0",
        description = "Keeps tables in sync between PostgreSQL and MySQL/MariaDB.",
        subcommands = {RunCommand.class, ValidateCommand.class, SyncsCommand.class, OffsetsCommand.class,
                StatusCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a sync or a sync record failed (each problem is printed on one line)",
                "2:wrong usage"})
public final class IdraCli implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IdraCli.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LoggingSetup.useConfigDirectory();
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return new CommandLine(new IdraCli()).setExecutionExceptionHandler(IdraCli::failed).execute(args);
    }

    /**
     * A failure no command foresaw (a state store that cannot be opened, a --once run that timed out) is one line
     * like every other problem, not picocli's stack trace; the trace goes to the log at DEBUG.
     */
    private static int failed(Exception error, CommandLine command, CommandLine.ParseResult parseResult) {
        Console.errors(List.of(Errors.firstLine(error)));
        LOG.debug("{} failed", command.getCommandName(), error);
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is needed: run, validate, syncs, offsets, status or demo");
    }
}
