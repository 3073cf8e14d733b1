package io.idra.cli;

import io.idra.cursor.Cursor;
import io.idra.cursor.Offset;
import io.idra.model.Sync;
import io.idra.state.OffsetStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What offsets set, offsets reset and syncs delete --offset require: an offset kept in the state store, and a sync
 * that is not running, whose next batch would overwrite the change (as Kafka Connect, offsets change only while
 * the connector is stopped).
 */
final class OffsetChange {

    /** The change itself, once the sync is found and may be changed; returns the exit code. */
    @FunctionalInterface
    interface Change {
        int make(Sync sync, OffsetStore offsets, Optional<Offset> stored) throws Exception;
    }

    private OffsetChange() {
    }

    /**
     * Finds the sync named {@code name} in the record files, opens the state store and makes {@code change} unless
     * {@link #refusal} refuses it (then one error line and exit code 1).
     */
    static int make(String name, boolean force, Change change) throws Exception {
        Optional<SyncFiles.Entry> found = SyncFiles.load().findOrReport(name);
        if (found.isEmpty()) {
            return 1;
        }
        Sync sync = found.get().sync();
        try (StateStore store = StateStore.open()) {
            Optional<String> refused = refusal(sync, store, force);
            if (refused.isPresent()) {
                Console.errors(List.of(refused.get()));
                return 1;
            }
            return change.make(sync, store.offsets(), store.offsets().load(sync.id()));
        }
    }

    /** @return the error line that refuses the change, or empty when it may be made */
    static Optional<String> refusal(Sync sync, StateStore store, boolean force) throws SQLException {
        if (sync.mode().offsetInDestination()) {
            return Optional.of("sync '" + sync.name() + "': mode " + sync.mode().jsonName() + " keeps no offset:"
                    + " every tick starts from MAX(" + String.join(", ", Cursor.of(sync).destinationMaxColumns())
                    + ") of destination table '" + sync.destination().table() + "'; to copy rows again, delete"
                    + " them there");
        }
        return force ? Optional.empty() : Running.check(sync, store, Instant.now());
    }
}
