package io.idra.cli;

/** The exit codes every command documents in its --help (annotation values must be constants). */
final class ExitCodes {

    static final String HEADING = "%nExit codes:%n";
    static final String OK = "0:success";
    static final String FAILED = "1:failure; each problem is printed on stderr, one line each";
    static final String USAGE = "2:wrong usage: unknown command or option, missing or extra argument";

    private ExitCodes() {
    }
}
