package io.idra.route;

/** A failure a user can act on, already worded as one line naming the JSON field (without the sync, added on print). */
public class SyncException extends RuntimeException {

    private final String path;

    public SyncException(String path, String message) {
        super(message);
        this.path = path;
    }

    public SyncException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The JSON path of the field at fault, such as {@code destination_connector.table}, or "". */
    public String path() {
        return path;
    }
}
