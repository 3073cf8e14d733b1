package io.idra.cli;

import io.idra.demo.Demo;
import io.idra.demo.DemoLogging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code demo [--seconds N] [--use-local] [--insert-only] [--verbose]}: a live sync on databases of its own. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Starts an embedded PostgreSQL and an embedded MariaDB, creates the docs' school.bimbi table in both,"
                        + " keeps adding and changing children in PostgreSQL, and runs the docs' seed sync record"
                        + " (LastDestinationTimestamp, PostgreSQL -> MySQL) with the normal engine until Ctrl-C.",
                "At the end the writer stops, a last tick catches up, and source and destination are compared row"
                        + " by row: exit code 0 when they match.",
                "Servers already running on this machine are used only with --use-local, or in place of an"
                        + " embedded server that cannot start (in a database of the demo's own, idra_demo_school,"
                        + " dropped at the end).",
                "More: docs/DEMO.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:source and destination match", "1:they differ, or the demo could not run",
                "2:wrong usage", "130:interrupted before the sync started, or Ctrl-C pressed twice"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
            description = "Stop after N seconds of syncing (default: run until Ctrl-C).")
    long seconds;

    @Option(names = "--use-local", description = "Use the servers already running here instead of embedded ones:"
            + " PostgreSQL at PGHOST:PGPORT as PGUSER/PGPASSWORD (default postgres@127.0.0.1:5432, no password),"
            + " MySQL/MariaDB at MYSQL_HOST:MYSQL_TCP_PORT as MYSQL_USER/MYSQL_PWD (default root@127.0.0.1:3306,"
            + " no password). The demo creates a database named idra_demo_school (or IDRA_DEMO_DATABASE) on each and"
            + " drops it at the end.")
    boolean useLocal;

    @Option(names = "--insert-only", description = "Keep the seed record's save_mode Insert; the writer then only"
            + " adds children (by default it also updates some, and the sync uses Upsert so that updates arrive).")
    boolean insertOnly;

    @Option(names = {"-v", "--verbose"}, description = "Also show Camel's and the database servers' own log lines.")
    boolean verbose;

    @Override
    public Integer call() {
        if (seconds < 0) {
            Console.errors(java.util.List.of("--seconds must be 0 (until Ctrl-C) or more, not " + seconds));
            return 2;
        }
        if (!verbose) {
            DemoLogging.quiet();
        }
        return new Demo(new Demo.Options(useLocal, insertOnly, seconds), System.getenv()).run();
    }
}
