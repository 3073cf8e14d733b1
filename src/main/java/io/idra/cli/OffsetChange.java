package io.idra.cli;

import io.idra.cursor.Cursor;
import io.idra.model.Sync;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * What offsets set, offsets reset and syncs delete --offset require: an offset kept in the state store, and a sync
 * that is not running, whose next batch would overwrite the change (as Kafka Connect, offsets change only while
 * the connector is stopped).
 */
final class OffsetChange {

    private OffsetChange() {
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
