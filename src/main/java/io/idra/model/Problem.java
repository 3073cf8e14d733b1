package io.idra.model;

/**
 * One thing wrong with a sync record, printed as {@code sync '<name>': <path>: <message>}.
 *
 * @param sync    the sync_name, or the file name in brackets when the record has none yet
 * @param path    JSON path such as {@code source_connector.polling_time}, or "" for the whole record
 * @param message what is wrong and what was expected; never contains a password
 */
public record Problem(String sync, String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? "sync '" + sync + "': " + message : "sync '" + sync + "': " + path + ": " + message;
    }
}
