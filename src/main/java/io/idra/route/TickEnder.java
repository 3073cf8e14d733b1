package io.idra.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Closes a tick: one log line per tick that copied rows (idle ticks log at DEBUG, so a hundred idle syncs stay
 * quiet), the sync's status, and the listeners. On failure, the error is logged once per change, not once a tick.
 */
final class TickEnder {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private final SyncCatalog catalog;

    TickEnder(SyncCatalog catalog) {
        this.catalog = catalog;
    }

    Processor succeeded() {
        return this::succeeded;
    }

    Processor failed() {
        return this::failed;
    }

    private void succeeded(Exchange exchange) {
        Tick tick = Tick.of(exchange);
        if (tick.skipped()) {
            return;
        }
        SyncRuntime runtime = tick.runtime();
        runtime.backoff().succeeded();
        Instant now = Instant.now();
        String offset = tick.lastOffset() == null ? "none" : tick.lastOffset().toString();
        boolean recovered = runtime.status().lastError() != null;
        runtime.status().tickSucceeded(now, tick.rows(), offset);
        Duration took = Duration.between(tick.started(), now);
        if (tick.rows() > 0 || recovered) {
            LOG.info("sync '{}': {}copied {} rows in {} pass(es), {} ms ({} rows/s), offset {}", runtime.sync().name(),
                    recovered ? "recovered, " : "", tick.rows(), tick.passes(), took.toMillis(),
                    rate(tick.rows(), took), offset);
        } else {
            LOG.debug("sync '{}': nothing new, offset {}", runtime.sync().name(), offset);
        }
        catalog.tickEnded(runtime, tick.rows(), null);
    }

    private void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Tick tick = Tick.of(exchange);
        if (tick == null) {
            LOG.error("sync route {} failed before its tick started: {}", exchange.getFromRouteId(),
                    Errors.firstLine(error));
            return;
        }
        // the tick ends when the batch in hand is written; a batch that failed is the error that counts
        String phase = tick.phase();
        Exception writeFailure = awaitWrites(tick);
        if (writeFailure != null) {
            error = writeFailure;
            phase = tick.writePhase();
        }
        SyncRuntime runtime = tick.runtime();
        Throwable halt = intentionalHalt(error);
        if (halt != null) {
            halted(tick, halt.getMessage());
            return;
        }
        runtime.invalidatePlan();
        runtime.backoff().failed(Instant.now());
        String message = Errors.forSync(runtime.sync().name(), phase, error);
        if (runtime.status().tickFailed(Instant.now(), tick.rows(), message)) {
            LOG.error("{}", message);
            LOG.debug("sync '{}' failure detail", runtime.sync().name(), error);
        }
        catalog.tickEnded(runtime, tick.rows(), message);
    }

    private static Exception awaitWrites(Tick tick) {
        try {
            return tick.awaitWrites();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The splitter may wrap what a batch threw; a deliberate halt is found anywhere in the chain. */
    private static Throwable intentionalHalt(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TickHalt || t instanceof BatchWriter.StopRequested) {
                return t;
            }
        }
        return null;
    }

    /** A tick ended on purpose between batches: what it wrote stands, and it counts as a success. */
    private void halted(Tick tick, String reason) {
        SyncRuntime runtime = tick.runtime();
        runtime.backoff().succeeded();
        String offset = String.valueOf(tick.lastOffset());
        if (tick.rows() > 0) {
            LOG.info("sync '{}': copied {} rows, offset {}; {}", runtime.sync().name(), tick.rows(), offset, reason);
        } else {
            LOG.debug("sync '{}': {}", runtime.sync().name(), reason);
        }
        runtime.status().tickSucceeded(Instant.now(), tick.rows(), offset);
        catalog.tickEnded(runtime, tick.rows(), null);
    }

    private static long rate(long rows, Duration took) {
        return took.toMillis() == 0 ? rows : rows * 1000 / took.toMillis();
    }
}
