package io.idra.cli;

import io.idra.model.Sync;
import io.idra.state.SyncStatusRow;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a sync is running, as far as the status table tells. A running program rewrites a sync's row when a
 * tick changes something and otherwise at the first tick end a minute after the last write, so a row that is
 * younger than two polling intervals (at least a polling interval and that minute) plus 30 s means a program has
 * the sync scheduled. A program that was killed, or a {@code run --once} that ended, looks running until that time
 * has passed; a long catch-up tick writes the row only when it ends, so such a sync may look stopped.
 */
final class Running {

    /** How often the status writer rewrites an idle sync's row (io.idra.ops.StatusWriter.HEARTBEAT). */
    private static final long HEARTBEAT_SECONDS = 60;

    private Running() {
    }

    /** How long after its row was written a sync counts as running. */
    static Duration window(Sync sync) {
        long polling = sync.pollingSeconds();
        return Duration.ofSeconds(polling + Math.max(polling, HEARTBEAT_SECONDS) + 30);
    }

    /** @return the error line refusing a change while the sync runs, or empty */
    static Optional<String> check(Sync sync, StateStore store, Instant now) throws SQLException {
        Optional<SyncStatusRow> row = store.status().list().stream()
                .filter(r -> r.syncId().equals(sync.id())).findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant last = Stream.of(row.get().lastTickStart(), row.get().lastTickEnd(), row.get().updatedAt())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
        if (last.isBefore(now.minus(window(sync)))) {
            return Optional.empty();
        }
        String tick = row.get().lastTickEnd() == null ? "started " + seconds(row.get().lastTickStart())
                : "ended " + seconds(row.get().lastTickEnd());
        return Optional.of("sync '" + sync.name() + "' is running (last tick " + tick + ", status written "
                + Duration.between(last, now).toSeconds() + " s ago): stop it first, or use --force");
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
