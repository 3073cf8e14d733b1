package io.idra.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Saves the offset of the batch the {@link BatchWriter} just committed. It runs only after that commit, so a crash
 * in between makes the next tick write the batch again, which changes nothing (writes are idempotent). The
 * LastDestination* modes keep no offset of their own: the destination's MAX() is it.
 */
final class OffsetSaver implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Tick tick = Tick.of(exchange);
        SyncRuntime runtime = tick.runtime();
        if (runtime.sync().mode().offsetInDestination() || tick.lastOffset() == null) {
            return;
        }
        tick.phase("saving the offset");
        runtime.offsets().save(runtime.sync().id(), runtime.sync().name(), tick.lastOffset());
    }
}
