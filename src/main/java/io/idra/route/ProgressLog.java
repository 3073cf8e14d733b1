package io.idra.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * A line every ten seconds while a tick catches up on many rows, so a long first copy shows it is moving (the tick
 * itself logs one line when it ends).
 */
final class ProgressLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");
    static final Duration EVERY = Duration.ofSeconds(10);

    @Override
    public void process(Exchange exchange) {
        Tick tick = Tick.of(exchange);
        Instant now = Instant.now();
        if (tick.progressDue(now, EVERY)) {
            long seconds = Math.max(1, Duration.between(tick.started(), now).toSeconds());
            LOG.info("sync '{}': catching up, {} rows in {} s ({} rows/s), offset {}", tick.runtime().sync().name(),
                    tick.rows(), seconds, tick.rows() / seconds, tick.lastOffset());
        }
    }
}
