package io.idra.connect;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the parameters of a go-sql-driver DSN ({@code charset=utf8mb4&parseTime=True&loc=Local}) to
 * mysql-connector-j properties. Like the Go driver, only {@code loc} and unknown parameters are URL-decoded,
 * and keys are case-sensitive. Parameters with no Connector/J meaning are listed as ignored.
 */
final class GoMysqlParams {

    /** What the parameters amount to; {@code timeZone} is the session zone asked for, or null. */
    record Mapped(Map<String, String> properties, String timeZone, List<String> ignoredKeys) {
    }

    private static final String ERROR_PREFIX = GoMysqlDsn.ERROR_PREFIX;
    private static final Set<String> UTF8_NAMES = Set.of("utf8mb4", "utf8", "utf8mb3");
    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "TRUE", "True");
    private static final Set<String> FALSE_WORDS = Set.of("0", "false", "FALSE", "False");

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();
    private String loc;
    private String sessionZone;

    private GoMysqlParams() {
    }

    static Mapped map(String query) {
        GoMysqlParams params = new GoMysqlParams();
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                if (!parameter.isEmpty()) {
                    params.ignored.add(parameter); // the Go driver skips these silently; the caller can warn
                }
            } else {
                params.apply(parameter.substring(0, equals), parameter.substring(equals + 1));
            }
        }
        return params.finish();
    }

    private void apply(String key, String value) {
        switch (key) {
            case "charset" -> properties.put("characterEncoding", characterEncoding(value));
            case "collation" -> properties.put("connectionCollation", value);
            case "parseTime" -> readBool(key, value); // no effect: JDBC always returns typed date/time values
            case "loc" -> loc = decode(key, value);
            case "time_zone" -> sessionZone = unquote(decode(key, value));
            case "tls" -> properties.put("sslMode", sslMode(value));
            case "timeout" -> properties.put("connectTimeout", String.valueOf(millis(key, value)));
            // Connector/J has one socket timeout for both directions: keep the longer so neither fires early
            case "readTimeout", "writeTimeout" -> properties.merge("socketTimeout", String.valueOf(millis(key, value)),
                    (a, b) -> String.valueOf(Math.max(Long.parseLong(a), Long.parseLong(b))));
            default -> ignored.add(key);
        }
    }

    /**
     * {@code time_zone} is the server session's zone (Go sends {@code SET time_zone}), so it wins over {@code loc},
     * which only told Go how to read DATETIME values; Connector/J needs the session zone for the same job.
     */
    private Mapped finish() {
        String timeZone = null;
        if (sessionZone != null) {
            if (loc != null) {
                ignored.add("loc");
            }
            if (sessionZone.equalsIgnoreCase("SYSTEM")) {
                properties.put("connectionTimeZone", "SERVER");
            } else {
                timeZone = zone("time_zone", sessionZone);
                properties.put("connectionTimeZone", timeZone);
                properties.put("forceConnectionTimeZoneToSession", "true");
            }
        } else if (loc != null) {
            if (loc.equals("Local")) {
                properties.put("connectionTimeZone", "LOCAL");
            } else if (loc.isEmpty() || loc.equals("UTC")) { // Go's LoadLocation("") is UTC
                properties.put("connectionTimeZone", "UTC");
                timeZone = "UTC";
            } else {
                timeZone = zone("loc", loc);
                properties.put("connectionTimeZone", timeZone);
            }
        } else {
            // go-sql-driver's default loc is UTC: that is where its times (and a start_offset) are read
            timeZone = "UTC";
        }
        return new Mapped(properties, timeZone, ignored);
    }

    /** Go tries a comma list of charsets in turn; the first is the one meant. */
    private static String characterEncoding(String value) {
        String charset = value.split(",", -1)[0].strip();
        if (UTF8_NAMES.contains(charset.toLowerCase())) {
            return "UTF-8";
        }
        try {
            if (Charset.isSupported(charset)) {
                return charset;
            }
        } catch (IllegalCharsetNameException e) {
            // not a charset name at all: reported below like an unknown one
        }
        throw new InvalidConnectionStringException(ERROR_PREFIX + "charset '" + charset + "' has no Java equivalent");
    }

    private static String sslMode(String value) {
        if (TRUE_WORDS.contains(value)) {
            return "VERIFY_IDENTITY";
        }
        if (FALSE_WORDS.contains(value)) {
            return "DISABLED";
        }
        return switch (value.toLowerCase()) {
            case "skip-verify" -> "REQUIRED";
            case "preferred" -> "PREFERRED";
            default -> throw new InvalidConnectionStringException(ERROR_PREFIX + "tls config '" + value + "' is "
                    + "registered in Go code and means nothing here; use tls=true, false, skip-verify or preferred");
        };
    }

    private static void readBool(String key, String value) {
        if (!TRUE_WORDS.contains(value) && !FALSE_WORDS.contains(value)) {
            throw new InvalidConnectionStringException(
                    ERROR_PREFIX + "invalid boolean '" + value + "' for '" + key + "' (expected true or false)");
        }
    }

    private static long millis(String key, String value) {
        return GoDuration.toMillis(value).orElseThrow(() -> new InvalidConnectionStringException(ERROR_PREFIX
                + "invalid duration '" + value + "' for '" + key + "' (expected Go syntax like 5s, 500ms or 1m30s)"));
    }

    private static String zone(String key, String value) {
        return TimeZones.canonical(value).orElseThrow(() -> new InvalidConnectionStringException(
                ERROR_PREFIX + "unknown time zone '" + value + "' for '" + key + "'"));
    }

    private static String decode(String key, String value) {
        return Percent.decode(value, true, ERROR_PREFIX + "invalid URL encoding in the value of '" + key + "'");
    }

    /** time_zone is pasted into SET time_zone=..., so it is written quoted: '%2B00%3A00' is '+00:00'. */
    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("'") && value.endsWith("'");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
