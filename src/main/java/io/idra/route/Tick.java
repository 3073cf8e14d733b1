package io.idra.route;

import io.idra.cursor.Offset;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a sync's timer. A tick runs passes (offset → source query → batches) until a pass reads nothing or
 * cannot move past where the previous pass started; it lives in an exchange property. The route's thread reads; a
 * pass's batches are written on the pass's {@link BatchPipeline} threads, which update the counts and the offset in
 * the order of the batches' commits.
 */
final class Tick {

    static final String PROPERTY = "idra.tick";

    private final SyncRuntime runtime;
    private final Instant started = Instant.now();
    private int passes;
    private Offset passStart;
    private volatile long passRows;
    private volatile long rows;
    private boolean more = true;
    private volatile Offset lastOffset;
    private Long lastKeyRead;
    private volatile String phase = "starting";
    private String writePhase;
    private String haltReason;
    private volatile Instant lastProgress = started;
    private boolean skipped;
    private BatchPipeline pipeline;
    private Exception writeFailure;

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
        lastKeyRead = offset == null || !(offset.values().get(0) instanceof Number key) ? null : key.longValue();
        return true;
    }

    /** The source has nothing past where this pass starts: the tick is done without reading. */
    void nothingAfter() {
        more = false;
    }

    /** The pass's writer threads, started with its first batch (an idle tick starts none). */
    BatchPipeline pipeline(CamelContext camel) {
        if (pipeline == null) {
            pipeline = new BatchPipeline(camel, runtime.sync().name(), runtime.parallelLoads());
        }
        return pipeline;
    }

    /**
     * Waits for the batches handed to the writer; then the counts and {@link #lastOffset()} are final.
     *
     * @return the failure of a batch of this tick (also when asked again), or null
     */
    Exception awaitWrites() throws InterruptedException {
        if (pipeline != null) {
            Exception failure = pipeline.awaitAll();
            if (writeFailure == null) {
                writeFailure = failure;
                writePhase = pipeline.failurePhase();
            }
            pipeline = null;
        }
        return writeFailure;
    }

    /** {@link GapGuard}: the integer key of the last row this pass handed on to be written, or null. */
    Long lastKeyRead() {
        return lastKeyRead;
    }

    void keyRead(long key) {
        lastKeyRead = key;
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
    void endPass() throws Exception {
        Exception failure = awaitWrites();
        if (failure != null) {
            throw failure;
        }
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

    /** What the route's thread is doing, for error lines. */
    void phase(String phase) {
        this.phase = phase;
    }

    String phase() {
        return phase;
    }

    /** What the failed batch was doing ({@link #awaitWrites} found it), for its error line. */
    String writePhase() {
        return writePhase;
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
