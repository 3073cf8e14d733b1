package io.idra.cli;

import java.util.List;

/** Where commands print problems: stderr, one line each. */
final class Console {

    private Console() {
    }

    static void warnings(List<String> warnings) {
        warnings.forEach(w -> System.err.println("warning: " + w));
    }

    static void errors(List<?> errors) {
        errors.forEach(e -> System.err.println("error: " + e));
    }
}
