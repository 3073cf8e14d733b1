package io.idra.connect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection strings as they may be shown (exports, status, JMX): the password replaced by {@code ********} in
 * each accepted form, everything else kept so the string still says where it points.
 */
public final class ConnectionStringMask {

    public static final String MASK = "********";

    /** libpq {@code password=value} or {@code password='quoted value'}, and JDBC's {@code password=} parameters. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?:^|[\\s?&;])[a-z]*password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^\\s&;]*)");

    private ConnectionStringMask() {
    }

    public static String mask(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            return connectionString;
        }
        String s = maskUserInfo(connectionString);
        Matcher m = KEY_VALUE.matcher(s);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + (r.group(2).isEmpty() ? "" : MASK)));
    }

    /**
     * {@code user:password@} before the host: URIs ({@code postgres://}, {@code jdbc:mysql://}) and go-sql-driver
     * DSNs ({@code user:password@tcp(...)/db}), where the password may itself hold '@' and ':' (the last '@'
     * before the database's '/' ends it).
     */
    private static String maskUserInfo(String s) {
        int scheme = s.indexOf("://");
        int start = scheme >= 0 ? scheme + 3 : 0;
        if (scheme < 0 && s.contains("=") && !s.contains("@")) {
            return s;
        }
        int slash = scheme >= 0 ? firstOf(s, start, '/', '?') : s.lastIndexOf('/');
        int end = slash < 0 ? s.length() : slash;
        int at = s.lastIndexOf('@', end - 1);
        if (at < start) {
            return s;
        }
        int colon = s.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return s;
        }
        return s.substring(0, colon + 1) + MASK + s.substring(at);
    }

    private static int firstOf(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
