package io.idra.app;

import io.idra.connect.ConnectionStrings;
import io.idra.connect.JdbcTarget;
import io.idra.connect.Pools;
import io.idra.dialect.Dialect;
import io.idra.dialect.Dialects;
import io.idra.model.Connector;
import io.idra.model.Sync;
import io.idra.route.RowArrays;
import io.idra.route.SyncCatalog;
import io.idra.route.SyncRouteTemplate;
import io.idra.route.SyncRuntime;
import io.idra.state.OffsetStore;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;

import javax.sql.DataSource;
import java.util.List;

/**
 * Makes one route of the {@code idra-sync} template per enabled sync, after wiring what the routes use: the pools,
 * the offset store and the sync's runtime in the catalog. Runs when Camel has read its properties, so the settings
 * honour -D and environment overrides.
 */
final class SyncRoutes extends RouteBuilder {

    private final List<Sync> syncs;
    private final SyncCatalog catalog;
    private final boolean once;

    SyncRoutes(List<Sync> syncs, SyncCatalog catalog, boolean once) {
        this.syncs = syncs;
        this.catalog = catalog;
        this.once = once;
    }

    @Override
    public void configure() throws Exception {
        Settings settings = Settings.from(getContext().getPropertiesComponent());
        Pools pools = new Pools(settings.poolMaxSize());
        getContext().addService(pools, true, true);
        OffsetStore offsets = new OffsetStore(pools.state(settings.stateUrl(), settings.stateUser(),
                settings.statePassword()));
        offsets.init();
        Registry registry = getContext().getRegistry();
        for (Sync sync : syncs) {
            if (sync.disabled()) {
                continue;
            }
            SyncRuntime runtime = runtime(sync, pools, offsets);
            catalog.add(runtime);
            String sourceBean = "idra-source-" + sync.name();
            String rowsBean = "idra-rows-" + sync.source().type().name().toLowerCase();
            registry.bind(sourceBean, DataSource.class, runtime.sourcePool());
            registry.bind(rowsBean, new RowArrays(runtime.sourceDialect()));
            templatedRoute(SyncRouteTemplate.ID)
                    .routeId(sync.routeId())
                    .parameter("syncName", sync.name())
                    .parameter("pollingMillis", String.valueOf(sync.pollingSeconds() * 1000L))
                    .parameter("repeatCount", once ? "0" : "-1")
                    .parameter("batchSize", String.valueOf(sync.batchSize()))
                    .parameter("fetchSize", String.valueOf(Math.min(sync.batchSize(), settings.fetchSizeCap())))
                    .parameter("sourceDataSource", sourceBean)
                    .parameter("rowMapperFactory", rowsBean);
        }
    }

    private static SyncRuntime runtime(Sync sync, Pools pools, OffsetStore offsets) {
        Dialect source = Dialects.of(sync.source().type());
        Dialect destination = Dialects.of(sync.destination().type());
        JdbcTarget sourceTarget = target(sync.source());
        JdbcTarget destinationTarget = target(sync.destination());
        return new SyncRuntime(sync, source, destination, sourceTarget, destinationTarget,
                pools.get(sourceTarget, Pools.Role.SOURCE, source.sourceProperties(),
                        source.sessionInitSql(sourceTarget.timeZone())),
                pools.get(destinationTarget, Pools.Role.DESTINATION, destination.destinationProperties(),
                        destination.sessionInitSql(destinationTarget.timeZone())),
                offsets);
    }

    private static JdbcTarget target(Connector connector) {
        return ConnectionStrings.parse(connector.type(), connector.connectionString(), connector.database());
    }
}
