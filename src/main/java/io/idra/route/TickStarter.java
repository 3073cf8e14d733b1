package io.idra.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** First step of a tick: finds the sync of the firing route and opens its {@link Tick}. */
final class TickStarter implements Processor {

    private final SyncCatalog catalog;

    TickStarter(SyncCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void process(Exchange exchange) {
        SyncRuntime runtime = catalog.byRouteId(exchange.getFromRouteId());
        Tick tick = new Tick(runtime);
        exchange.setProperty(Tick.PROPERTY, tick);
        if (!runtime.backoff().due(tick.started())) {
            tick.skip();
            return;
        }
        runtime.status().tickStarted(tick.started());
    }
}
