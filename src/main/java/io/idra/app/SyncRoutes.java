package io.idra.app;

import io.idra.connect.Pools;
import io.idra.model.Sync;
import io.idra.model.SyncParameters;
import io.idra.ops.Operations;
import io.idra.route.SyncCatalog;
import io.idra.route.SyncRouteTemplate;
import io.idra.state.OffsetStore;
import org.apache.camel.model.Model;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.EventNotifierSupport;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Wires what the sync routes share (pools, offset store, catalog) once Camel has read its properties, so settings
 * honour -D and environment overrides; teaches Camel to make every {@code idra-sync} route through
 * {@link SyncTemplateConverter}; adds one templated route per sync (of JSON files and YAML route files alike); and,
 * when enabled, watches routes/ for edits.
 */
final class SyncRoutes extends RouteBuilder {

    private final List<Sync> syncs;
    private final Map<Path, List<Sync>> routeFiles;
    private final SyncCatalog catalog;
    private final boolean once;

    SyncRoutes(List<Sync> syncs, Map<Path, List<Sync>> routeFiles, SyncCatalog catalog, boolean once) {
        this.syncs = syncs;
        this.routeFiles = routeFiles;
        this.catalog = catalog;
        this.once = once;
    }

    @Override
    public void configure() throws Exception {
        Settings settings = Settings.from(getContext().getPropertiesComponent());
        Pools pools = new Pools(settings.poolMaxSize());
        getContext().addService(pools, true, true);
        DataSource stateStore = pools.state(settings.stateUrl(), settings.stateUser(), settings.statePassword());
        OffsetStore offsets = new OffsetStore(stateStore);
        offsets.init();
        // before the routes are added: their MBeans are registered as Camel adds them
        Operations.install(getContext(), catalog, stateStore);
        Services services = new Services(settings, pools, offsets, catalog, once);
        getContext().getCamelContextExtension().getContextPlugin(Model.class)
                .addRouteTemplateDefinitionConverter(SyncRouteTemplate.ID,
                new SyncTemplateConverter(getContext(), services));
        getContext().getManagementStrategy().addEventNotifier(new ForgetRemovedRoutes());
        for (Sync sync : syncs) {
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(getContext(), SyncRouteTemplate.ID)
                    .routeId(sync.routeId());
            SyncParameters.of(sync).forEach(route::parameter);
            route.add();
        }
        if (settings.routesReload() && !once) {
            getContext().addService(new RouteFiles(getContext(), settings.routesDirectory(), routeFiles), true, true);
        }
    }

    /** A removed route's sync leaves the catalog, so an edited YAML file can define it again. */
    private final class ForgetRemovedRoutes extends EventNotifierSupport {
        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.RouteRemovedEvent removed) {
                catalog.remove(removed.getRoute().getRouteId());
            }
        }
    }
}
