package io.idra.route;

import org.apache.camel.builder.RouteBuilder;

/**
 * The route template every sync is made from ({@code idra-sync}). It reads like the product: a quartz timer fires,
 * the offset is read, a camel-sql endpoint streams the source rows past it, a splitter cuts them into batches, each
 * batch is written in one destination transaction, and the offset is saved after that commit; passes repeat until
 * the source has nothing more.
 *
 * <p>Parameters: {@code syncName}, {@code pollingMillis}, {@code repeatCount} (-1 forever, 0 for one tick),
 * {@code batchSize}, {@code fetchSize}, {@code sourceDataSource} and {@code rowMapperFactory} (registry bean names).
 */
public final class SyncRouteTemplate extends RouteBuilder {

    public static final String ID = "idra-sync";

    private final SyncCatalog catalog;

    public SyncRouteTemplate(SyncCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        TickEnder tickEnder = new TickEnder(catalog);

        routeTemplate(ID)
            .templateParameter("syncName")
            .templateParameter("pollingMillis")
            .templateParameter("repeatCount", "-1")
            .templateParameter("batchSize")
            .templateParameter("fetchSize")
            .templateParameter("sourceDataSource")
            .templateParameter("rowMapperFactory")
            // stateful: one tick of a sync at a time, also across a Quartz cluster
            .from("quartz:idra/{{syncName}}?stateful=true"
                    + "&trigger.repeatInterval={{pollingMillis}}&trigger.repeatCount={{repeatCount}}")
                .onException(Exception.class)
                    .handled(true)
                    .process(tickEnder.failed())
                .end()
                .process(new TickStarter(catalog))
                .loopDoWhile(exchange -> Tick.of(exchange).more())
                    .process(new OffsetReader())
                    .filter(exchange -> Tick.of(exchange).more())
                        .to("sql:source-rows?useMessageBodyForSql=true&outputType=StreamList"
                                + "&fetchSize={{fetchSize}}&dataSource=#{{sourceDataSource}}"
                                + "&rowMapperFactory=#{{rowMapperFactory}}"
                                + "&usePlaceholder=false&allowNamedParameters=false")
                        .split(simple("${collate({{batchSize}})}")).streaming().stopOnException()
                            .process(new GapGuard())
                            .process(new BatchWriter())
                            .process(new OffsetSaver())
                        .end()
                        .process(exchange -> Tick.of(exchange).endPass())
                    .end()
                .end()
                .process(tickEnder.succeeded());
    }
}
