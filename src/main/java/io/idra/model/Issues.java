package io.idra.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors and warnings found in one sync record, all labelled with the same sync so that a file with several
 * broken records still tells which record each line is about.
 */
final class Issues {

    private final String sync;
    private final List<Problem> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Issues(String sync) {
        this.sync = sync;
    }

    void error(String path, String message) {
        errors.add(new Problem(oneLine(sync), oneLine(path), oneLine(message)));
    }

    /** A warning reads like a problem (sync, path, message) so both can be grepped the same way in the logs. */
    void warn(String path, String message) {
        warnings.add(new Problem(oneLine(sync), oneLine(path), oneLine(message)).toString());
    }

    /** The sync_name, or the file-based label of a record that has no valid one. */
    String label() {
        return sync;
    }

    int errorCount() {
        return errors.size();
    }

    List<Problem> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * Every message is one log line: a key or value holding a newline (JSON allows it) would otherwise forge a
     * second line, so control characters are shown as escapes.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
