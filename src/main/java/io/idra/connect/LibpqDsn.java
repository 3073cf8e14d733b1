package io.idra.connect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL key=value connection strings ({@code host=localhost user=postgres dbname=school}), tokenised by the
 * rules of libpq's {@code conninfo_parse}: whitespace between pairs, optional whitespace around '=', values
 * optionally single-quoted, a backslash escaping the next character inside and outside quotes.
 */
final class LibpqDsn {

    static final String ERROR_PREFIX = "libpq DSN: ";

    private final String text;
    private int pos;

    private LibpqDsn(String text) {
        this.text = text;
    }

    static JdbcTarget parse(String dsn, String database) {
        return PostgresSettings.toTarget(ERROR_PREFIX, new LibpqDsn(dsn).pairs(), database);
    }

    /** The pairs in order of first appearance; a repeated key keeps its last value, as in libpq. */
    private Map<String, String> pairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        String previousKey = null;
        while (skipSpaces()) {
            String key = key();
            if (!skipSpaces() || text.charAt(pos) != '=') {
                throw new InvalidConnectionStringException(ERROR_PREFIX + missingEquals(key, previousKey));
            }
            if (key.isEmpty()) {
                throw new InvalidConnectionStringException(ERROR_PREFIX + "'=' without a key before it");
            }
            pos++;
            skipSpaces();
            pairs.put(key, pos < text.length() && text.charAt(pos) == '\'' ? quotedValue(key) : plainValue());
            previousKey = key;
        }
        return pairs;
    }

    /** Moves past whitespace; false at the end of the text. */
    private boolean skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos < text.length();
    }

    private String key() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '=' && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String plainValue() {
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            appendEscaped(value);
        }
        return value.toString();
    }

    private String quotedValue(String key) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new InvalidConnectionStringException(
                        ERROR_PREFIX + "unterminated quoted value for key '" + key + "'");
            }
            if (text.charAt(pos) == '\'') {
                pos++;
                return value.toString();
            }
            appendEscaped(value);
        }
    }

    /** Appends the character at pos, or the one after a backslash (a trailing backslash is dropped, as libpq does). */
    private void appendEscaped(StringBuilder value) {
        if (text.charAt(pos) == '\\') {
            pos++;
            if (pos >= text.length()) {
                return;
            }
        }
        value.append(text.charAt(pos++));
    }

    /** Names the word only when it is a known key: an unknown word is often the second half of an unquoted password. */
    private static String missingEquals(String word, String previousKey) {
        if (PostgresSettings.isKnownKey(word)) {
            return "missing '=' after key '" + word + "'";
        }
        if (previousKey == null) {
            return "missing '=' after the first word";
        }
        return "missing '=' after the value of '" + previousKey + "' (quote values that contain spaces: key='a b')";
    }
}
