package io.idra.route;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.RouteTemplateParameterSource;

import java.util.Set;

/**
 * The route template every sync is made from ({@code idra-sync}). It reads like the product: a quartz timer fires,
 * the offset is read, a camel-sql endpoint streams the source rows past it, a splitter cuts them into batches, each
 * batch is written in one destination transaction, and the offset is saved after that commit; passes repeat until
 * the source has nothing more. Batches are written in order on a thread of their own while the next is read
 * ({@link WriteBehind}), so the source and the destination work at the same time.
 *
 * <p>A templated route gives the sync record's fields as parameters named by their JSON path ({@code sync_name},
 * {@code source_connector.table} ...); the template's own parameters ({@link #PARAMETERS}) are derived from the
 * record when the route is made (see the application's template converter).
 */
public final class SyncRouteTemplate extends RouteBuilder {

    public static final String ID = "idra-sync";

    /** Parameters the template derives from the record; not part of the record itself. */
    public static final Set<String> PARAMETERS = Set.of("pollingMillis", "repeatCount", "batchSize", "fetchSize",
            "sourceDataSource", "rowMapperFactory", RouteTemplateParameterSource.LOCATION);

    private final SyncCatalog catalog;

    public SyncRouteTemplate(SyncCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        TickEnder tickEnder = new TickEnder(catalog);

        routeTemplate(ID)
            .templateParameter("sync_name")
            // stateful: one tick of a sync at a time (across nodes too, once Quartz's clustered JobStore is set up)
            .from("quartz:idra/{{sync_name}}?stateful=true"
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
                                // any count above 0: CursorParameters binds the header's values, no metadata asked
                                + "&parametersCount=1&prepareStatementStrategy=#" + CursorParameters.BEAN
                                + "&usePlaceholder=false&allowNamedParameters=false")
                        .split(simple("${collate({{batchSize}})}")).streaming().stopOnException()
                            .process(new GapGuard())
                            // on the pass's writer thread, while this one reads the next batch
                            .process(new WriteBehind(new BatchWriter(catalog), new OffsetSaver(), new ProgressLog()))
                        .end()
                        // waits for the last batch's commit and offset
                        .process(exchange -> Tick.of(exchange).endPass())
                    .end()
                .end()
                .process(tickEnder.succeeded());
    }
}
