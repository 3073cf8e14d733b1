package io.idra.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Points logback at config/logback.xml, so ops tune logging where the other settings live. */
final class LoggingSetup {

    static final Path CONFIG = Path.of("config", "logback.xml");
    private static final String PROPERTY = "logback.configurationFile";

    private LoggingSetup() {
    }

    /** Must run before the first logger is created; an explicit -Dlogback.configurationFile wins. */
    static void useConfigDirectory() {
        if (System.getProperty(PROPERTY) == null && Files.isReadable(CONFIG)) {
            System.setProperty(PROPERTY, CONFIG.toAbsolutePath().toString());
        }
    }
}
