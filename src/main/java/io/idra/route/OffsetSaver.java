package io.idra.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Saves the offset of the batch the {@link BatchWriter} just committed. It runs only after that commit, so a crash
 * in between makes the next tick write the batch again, which changes nothing (writes are idempotent). The
 * LastDestination* modes keep no offset of their own: the destination's MAX() is it.
 */
final class OffsetSaver implements Processor {

    /**
     * Fault injection for the crash tests: with {@code -Didra.fault.halt-after-commits=N} the JVM halts (as if
     * killed) right after the N-th committed batch, before its offset is saved: the one moment where a crash
     * leaves the destination ahead of the offset.
     */
    private static final int HALT_AFTER = Integer.getInteger("idra.fault.halt-after-commits", 0);
    private static final AtomicInteger COMMITS = new AtomicInteger();

    @Override
    public void process(Exchange exchange) throws Exception {
        if (HALT_AFTER > 0 && COMMITS.incrementAndGet() == HALT_AFTER) {
            Runtime.getRuntime().halt(137);
        }
        Tick tick = Tick.of(exchange);
        SyncRuntime runtime = tick.runtime();
        if (runtime.sync().mode().offsetInDestination() || tick.lastOffset() == null) {
            return;
        }
        Turn.of(exchange).phase("saving the offset");
        runtime.offsets().save(runtime.sync().id(), runtime.sync().name(), tick.lastOffset());
    }
}
