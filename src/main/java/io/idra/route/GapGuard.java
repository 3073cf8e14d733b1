package io.idra.route;

import io.idra.model.Attributes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a batch before a gap in the key sequence that may still fill ({@link GapWatch}); the rows before the gap
 * are written, then the tick ends. Only for id modes with a one-column integer key and {@code id_gap_wait_seconds}
 * set.
 */
final class GapGuard implements Processor {

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        Tick tick = Tick.of(exchange);
        if (tick.haltReason() != null) {
            throw new TickHalt(tick.haltReason());
        }
        SyncRuntime runtime = tick.runtime();
        GapWatch gaps = runtime.gaps();
        if (!gaps.enabled() || runtime.cursor().size() != 1) {
            return;
        }
        List<?> rows = exchange.getMessage().getBody(List.class);
        int keyIndex = runtime.planned().cursorIndexes()[0];
        List<Long> keys = new ArrayList<>(rows.size());
        for (Object row : rows) {
            if (!(((Object[]) row)[keyIndex] instanceof Number key)) {
                return;
            }
            keys.add(key.longValue());
        }
        int writable = gaps.writable(tick.lastKeyRead(), keys, Instant.now());
        if (writable > 0) {
            tick.keyRead(keys.get(writable - 1));
        }
        if (writable == rows.size()) {
            return;
        }
        String reason = "waiting for key " + gaps.oldestGap() + " (a gap in the key sequence, up to "
                + runtime.sync().source().seconds(Attributes.ID_GAP_WAIT_SECONDS) + " s)";
        if (writable == 0) {
            throw new TickHalt(reason);
        }
        exchange.getMessage().setBody(new ArrayList<>(rows.subList(0, writable)));
        tick.haltAfterBatch(reason);
    }
}
