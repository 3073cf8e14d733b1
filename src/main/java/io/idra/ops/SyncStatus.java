package io.idra.ops;

import io.idra.model.Sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What a person wants to know about one sync right now; updated by its route, read by logs, CLI and JMX. */
public final class SyncStatus {

    public enum State { WAITING, RUNNING, SUCCEEDED, FAILED }

    private final Sync sync;
    private final AtomicLong rowsTotal = new AtomicLong();
    private volatile State state = State.WAITING;
    private volatile Instant lastTickStart;
    private volatile Instant lastTickEnd;
    private volatile long rowsLastTick;
    private volatile String lastError;
    private volatile String offset;
    private volatile long nullCursorRows;
    private volatile Instant failingSince;

    public SyncStatus(Sync sync) {
        this.sync = sync;
    }

    public void tickStarted(Instant at) {
        state = State.RUNNING;
        lastTickStart = at;
    }

    public void tickSucceeded(Instant at, long rows, String offsetText) {
        state = State.SUCCEEDED;
        lastTickEnd = at;
        rowsLastTick = rows;
        rowsTotal.addAndGet(rows);
        offset = offsetText;
        lastError = null;
        failingSince = null;
    }

    /**
     * @return true when the sync was not failing before: a failure is logged once when it starts, not at every
     *         retry (the latest error stays readable in the status). Every retry's tick starts as RUNNING, so
     *         "failing" is the run of failed ticks that no success has ended.
     */
    public boolean tickFailed(Instant at, long rows, String error) {
        boolean changed = failingSince == null;
        if (changed) {
            failingSince = at;
        }
        state = State.FAILED;
        lastTickEnd = at;
        rowsLastTick = rows;
        rowsTotal.addAndGet(rows);
        lastError = error;
        return changed;
    }

    /** @return true when the count differs from the one reported before */
    public boolean nullCursorRows(long count) {
        long before = nullCursorRows;
        nullCursorRows = count;
        return before != count;
    }

    /** Source rows that cannot be copied because a cursor column is NULL, as last counted. */
    public long nullCursorRows() {
        return nullCursorRows;
    }

    public Sync sync() {
        return sync;
    }

    public State state() {
        return state;
    }

    public Instant lastTickStart() {
        return lastTickStart;
    }

    public Instant lastTickEnd() {
        return lastTickEnd;
    }

    public Duration lastTickDuration() {
        return lastTickStart == null || lastTickEnd == null ? Duration.ZERO : Duration.between(lastTickStart, lastTickEnd);
    }

    public long rowsLastTick() {
        return rowsLastTick;
    }

    public long rowsTotal() {
        return rowsTotal.get();
    }

    public String lastError() {
        return lastError;
    }

    /** When the current run of failed ticks began, or null while the sync is not failing. */
    public Instant failingSince() {
        return failingSince;
    }

    public String offset() {
        return offset;
    }
}
