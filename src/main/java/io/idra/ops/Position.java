package io.idra.ops;

import io.idra.cursor.Offset;
import io.idra.dialect.CursorQuery;
import io.idra.dialect.Dialect;
import io.idra.route.SourceQuery;
import io.idra.route.SyncPlan;
import io.idra.route.SyncRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * Where a sync stands and how far behind the source it is, read on demand and kept for ten seconds: a JMX console
 * polling every second and a Prometheus scrape of a hundred syncs must not turn into a hundred queries each time.
 * Lag is seconds for timestamp modes (source MAX(timestamp) minus the offset's timestamp) and rows for id modes
 * (source rows past the offset); -1 when it cannot be told (no plan yet, no offset yet in a timestamp mode, a
 * database that does not answer).
 */
final class Position {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Position.class);
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    /** @param offset {@link OffsetText} of the offset, "" when the sync starts from the beginning, null if unknown */
    record Snapshot(String offset, long lag, String unit) {
    }

    private final SyncRuntime runtime;
    private final String unit;
    private SyncPlan lastPlan;
    private Snapshot cached;
    private Instant expires = Instant.MIN;

    Position(SyncRuntime runtime) {
        this.runtime = runtime;
        this.unit = runtime.sync().mode().usesTimestamp() ? "seconds" : "rows";
    }

    String unit() {
        return unit;
    }

    synchronized Snapshot get() {
        Instant now = Instant.now();
        if (now.isBefore(expires)) {
            return cached;
        }
        cached = read();
        expires = now.plus(TTL);
        return cached;
    }

    /** After a tick moved the offset, or an operator set it: the next read queries again. */
    synchronized void invalidate() {
        expires = Instant.MIN;
    }

    private Snapshot read() {
        // a failed tick drops the plan until the next one; the last plan still names the source's relation
        SyncPlan plan = runtime.planned();
        if (plan != null) {
            lastPlan = plan;
        } else {
            plan = lastPlan;
        }
        if (plan == null) {
            return new Snapshot(null, -1, unit);
        }
        Offset offset;
        try {
            offset = runtime.currentOffset(plan);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("sync '{}': offset not readable", runtime.sync().name(), e);
            return new Snapshot(null, -1, unit);
        }
        String text = offset == null ? "" : OffsetText.format(offset);
        try {
            return new Snapshot(text, runtime.sync().mode().usesTimestamp() ? secondsBehind(plan, offset)
                    : rowsBehind(plan, offset), unit);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("sync '{}': lag not readable", runtime.sync().name(), e);
            return new Snapshot(text, -1, unit);
        }
    }

    private long rowsBehind(SyncPlan plan, Offset offset) throws SQLException {
        Dialect source = runtime.sourceDialect();
        CursorQuery count = source.countAfter(plan.sourceRelation(), plan.cursorColumns(), offset);
        Object value = SourceQuery.firstValue(runtime, count, QUERY_TIMEOUT_SECONDS);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private long secondsBehind(SyncPlan plan, Offset offset) throws SQLException {
        if (offset == null) {
            return -1;
        }
        Object max = SourceQuery.firstValue(runtime, new CursorQuery(runtime.sourceDialect().selectMaxOf(
                plan.sourceRelation(), plan.cursorColumns().get(0), runtime.cursor().sourceLayout()), List.of()),
                QUERY_TIMEOUT_SECONDS);
        return max == null ? 0 : Math.max(0, seconds(offset.values().get(0), max));
    }

    static long seconds(Object from, Object to) {
        Temporal a = comparable(from);
        Temporal b = comparable(to);
        return a == null || b == null ? -1 : Duration.between(a, b).toSeconds();
    }

    private static Temporal comparable(Object value) {
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof LocalDateTime || value instanceof OffsetDateTime || value instanceof Instant) {
            return (Temporal) value;
        }
        return null;
    }
}
