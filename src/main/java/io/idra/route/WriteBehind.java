package io.idra.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;

/**
 * Hands a batch to one of the pass's writer threads ({@link BatchPipeline}), which runs the write steps on it in order
 * (write and commit, save the offset, log progress), while the route's thread goes on reading the source. The steps
 * get a copy of the exchange, with the batch's {@link Turn}: the splitter goes on with its own.
 */
final class WriteBehind implements Processor {

    private final List<Processor> steps;

    WriteBehind(Processor... steps) {
        this.steps = List.of(steps);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Tick tick = Tick.of(exchange);
        Exchange batch = exchange.copy();
        tick.pipeline(exchange.getContext()).submit(turn -> {
            batch.setProperty(Turn.PROPERTY, turn);
            for (Processor step : steps) {
                step.process(batch);
                if (batch.getException() != null) {
                    throw batch.getException();
                }
            }
        });
        tick.phase("reading the source");
    }
}
