package io.idra.route;

import io.idra.cursor.Offset;
import org.apache.camel.Exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a sync's timer. A tick runs passes (offset → source query → batches) until a pass reads nothing or
 * cannot move past where the previous pass started; it lives in an exchange property and is used by one thread.
 */
final class Tick {

    static final String PROPERTY = "idra.tick";

    private final SyncRuntime runtime;
    private final Instant started = Instant.now();
    private int passes;
    private Offset passStart;
    private long passRows;
    private long rows;
    private boolean more = true;
    private Offset lastOffset;
    private String phase = "starting";
    private String haltReason;
    private Instant lastProgress = started;
    private boolean skipped;

    Tick(SyncRuntime runtime) {
        this.runtime = runtime;
    }

    static Tick of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Tick.class);
    }

    /**
     * Starts a pass from {@code offset}, unless an earlier pass of this tick started from the same place: then the
     * source has nothing past it that this tick could still reach, and the tick is done.
     */
    boolean beginPass(Offset offset) {
        if (passes > 0 && Objects.equals(offset, passStart)) {
            more = false;
            return false;
        }
        passes++;
        passStart = offset;
        passRows = 0;
        lastOffset = offset;
        return true;
    }

    /**
     * @param count     rows written
     * @param rechecked how many of them sit exactly on an inclusive pass start (a LastDestinationTimestamp sync
     *                  reads the destination's latest timestamp again): written, but not counted as copied
     */
    void batchWritten(int count, int rechecked, Offset offsetAfter) {
        passRows += count;
        rows += count - rechecked;
        lastOffset = offsetAfter;
    }

    /** The offset the current pass started from, or null for a fresh sync. */
    Offset passStart() {
        return passStart;
    }

    /** A pass that read no row means the source has nothing past the offset: caught up. */
    void endPass() {
        if (passRows == 0) {
            more = false;
        }
    }

    /** Ends the tick after the batch in hand is written (see {@link GapGuard}). */
    void haltAfterBatch(String reason) {
        haltReason = reason;
    }

    String haltReason() {
        return haltReason;
    }

    /** Whether a progress line is due: every {@code every} of a long tick. */
    boolean progressDue(Instant now, Duration every) {
        if (now.isBefore(lastProgress.plus(every))) {
            return false;
        }
        lastProgress = now;
        return true;
    }

    /** A tick that does nothing: the sync is backing off after failures. */
    void skip() {
        skipped = true;
        more = false;
    }

    boolean skipped() {
        return skipped;
    }

    boolean more() {
        return more;
    }

    void phase(String phase) {
        this.phase = phase;
    }

    String phase() {
        return phase;
    }

    SyncRuntime runtime() {
        return runtime;
    }

    Instant started() {
        return started;
    }

    int passes() {
        return passes;
    }

    long rows() {
        return rows;
    }

    Offset lastOffset() {
        return lastOffset;
    }
}
