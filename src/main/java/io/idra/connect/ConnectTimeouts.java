package io.idra.connect;

import io.idra.model.ConnectorType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The drivers' own connect and login timeouts, shorter than the pool's wait for a connection, so that a host that
 * refuses, drops or does not answer is reported in the driver's words ("Connection refused", "Connection attempt
 * timed out") instead of the pool's bare "request timed out". pgjdbc waits forever for a login by default and
 * Connector/J for a TCP connect. A connection string that sets a timeout of its own keeps its choice.
 */
final class ConnectTimeouts {

    static final int SECONDS = 5;
    private static final Set<String> KEYS = Set.of("connecttimeout", "logintimeout");

    private ConnectTimeouts() {
    }

    /** Driver properties to set before the connection string's own ones; empty when it sets a timeout. */
    static Map<String, String> defaults(JdbcTarget target) {
        if (setsATimeout(target)) {
            return Map.of();
        }
        return target.type() == ConnectorType.POSTGRES
                ? Map.of("connectTimeout", String.valueOf(SECONDS), "loginTimeout", String.valueOf(SECONDS))
                : Map.of("connectTimeout", String.valueOf(SECONDS * 1000)); // milliseconds for Connector/J
    }

    private static boolean setsATimeout(JdbcTarget target) {
        return Stream.concat(target.properties().keySet().stream(), urlParameterNames(target.jdbcUrl()))
                .anyMatch(name -> KEYS.contains(name.toLowerCase(Locale.ROOT)));
    }

    private static Stream<String> urlParameterNames(String jdbcUrl) {
        int question = jdbcUrl.indexOf('?');
        if (question < 0) {
            return Stream.empty();
        }
        return Arrays.stream(jdbcUrl.substring(question + 1).split("&")).map(p -> p.split("=", 2)[0]);
    }
}
