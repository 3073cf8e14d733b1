package io.idra.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo shows the engine's and its own lines; Camel's start-up banner and the database servers' own output
 * (dozens of lines each) go only to --verbose. Other warnings and errors always show.
 */
public final class DemoLogging {

    private DemoLogging() {
    }

    /** Keeps INFO for {@code io.idra} only; a no-op when the logging back end is not logback. */
    public static void quiet() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("io.idra").setLevel(Level.INFO);
            // an embedded server that fails is reported in one line by the demo, which then falls back to a local
            // server: the libraries' own error logs (with stack traces) would only bury that line
            context.getLogger("ch.vorburger").setLevel(Level.OFF);
            context.getLogger("io.zonky").setLevel(Level.OFF);
        }
    }
}
