package io.idra.model;

/**
 * A validated sync record: copy rows from {@code source} to {@code destination} in {@code mode}.
 *
 * @param id   the record's UUID; offsets are keyed by it
 * @param name {@code sync_name}; the Camel route is {@code sync-<name>}
 */
public record Sync(String id, String name, Connector source, Connector destination, Mode mode, boolean disabled) {

    public String routeId() {
        return "sync-" + name;
    }

    /** The destination connector's save_mode decides (SYNC-FORMAT.md); FullWithId is insert-only. */
    public SaveMode saveMode() {
        return mode == Mode.FULL_WITH_ID ? SaveMode.INSERT : destination.saveMode();
    }

    /** Rows per batch and per destination transaction: the source connector's value decides, as it reads them. */
    public int batchSize() {
        return source.batchSize();
    }

    public int pollingSeconds() {
        return source.pollingSeconds();
    }
}
