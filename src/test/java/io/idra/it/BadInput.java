package io.idra.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the bad-input catalogue: what is given to the program, what it must answer, and the words the
 * troubleshooting page shows for it.
 *
 * @param stderr every line the program prints on stderr, in order. Placeholders such as {dst} stand for what varies
 *               from run to run (see {@link BadInputFixture#placeholders()}); a line ending in "…" is a prefix that
 *               the database driver's own words complete
 * @param stdout lines the standard output must contain
 */
record BadInput(String category, String id, Input input, int exitCode, List<String> stderr, List<String> stdout,
                String cause, String fix) {

    static final String DRIVER_WORDS = "…";

    /** Writes the input files into {@code in} and says how to run the program on them from the work directory. */
    @FunctionalInterface
    interface Input {
        Invocation write(BadInputFixture fixture, Path in, String id) throws IOException;
    }

    /** {@code java [jvmOptions] -jar idra.jar [args]}, run in the work directory, a sibling of {@code in}. */
    record Invocation(List<String> jvmOptions, List<String> args) {

        static Invocation runOnce(String... files) {
            return of(List.of("run", "--once"), files);
        }

        /** @param commandAndOptions e.g. {@code validate}; the files are read from {@code ../in/} */
        static Invocation of(List<String> commandAndOptions, String... files) {
            List<String> args = new ArrayList<>(commandAndOptions);
            for (String file : files) {
                args.add("../in/" + file);
            }
            return new Invocation(List.of(), args);
        }
    }

    boolean fails() {
        return exitCode != 0;
    }

    static boolean isPrefix(String line) {
        return line.endsWith(DRIVER_WORDS);
    }
}
