package io.idra.ops;

import io.idra.route.Errors;
import io.idra.route.SyncCatalog;
import io.idra.route.SyncRuntime;
import io.idra.state.StatusStore;
import io.idra.state.SyncStatusRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies each sync's status into the status table when a tick ends, but only when something a reader would see
 * changed, or once a minute otherwise so that {@code updated_at} shows the sync is alive: a hundred idle syncs
 * ticking every second then cost one comparison each per tick and a write per minute, not a write per tick.
 * A status table that cannot be written never fails a tick; the problem is logged once until it is fixed.
 */
final class StatusWriter implements SyncCatalog.TickListener {

    static final Duration HEARTBEAT = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    /** What was last written for one runtime (a reloaded sync gets a new runtime, with its own counters). */
    private record Written(SyncStatus status, String seen, Instant at, long rowsTotal) {
    }

    private final StatusStore store;
    private final String node;
    private final Clock clock;
    private final Map<String, Written> written = new ConcurrentHashMap<>();
    private volatile boolean failing;

    StatusWriter(StatusStore store, String node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void tickEnded(SyncRuntime runtime, long rows, String error) {
        SyncStatus status = runtime.status();
        Instant now = clock.instant();
        String seen = seen(status);
        Written last = written.get(runtime.sync().id());
        boolean sameRuntime = last != null && last.status() == status;
        if (sameRuntime && last.seen().equals(seen) && now.isBefore(last.at().plus(HEARTBEAT))) {
            return;
        }
        long total = status.rowsTotal();
        long added = total - (sameRuntime ? last.rowsTotal() : 0);
        try {
            store.save(row(runtime, status, now), added);
            written.put(runtime.sync().id(), new Written(status, seen, now, total));
            if (failing) {
                failing = false;
                LOG.info("status table written again");
            }
        } catch (Exception e) {
            if (!failing) {
                failing = true;
                LOG.warn("status table not written (syncs go on; retried at the next tick): {}", Errors.firstLine(e));
            }
        }
    }

    private SyncStatusRow row(SyncRuntime runtime, SyncStatus status, Instant now) {
        return new SyncStatusRow(runtime.sync().id(), runtime.sync().name(), status.state().name(),
                status.lastTickStart(), status.lastTickEnd(), status.rowsLastTick(), status.rowsTotal(),
                Secrets.of(runtime.sync()).mask(status.lastError()), status.offset(), status.nullCursorRows(), node, now);
    }

    /** Everything a reader of the row would notice, but its times. */
    private static String seen(SyncStatus s) {
        return s.state() + "|" + s.rowsTotal() + "|" + s.rowsLastTick() + "|" + s.nullCursorRows() + "|"
                + Objects.toString(s.offset()) + "|" + Objects.toString(s.lastError());
    }
}
