package io.idra.ops;

import io.idra.route.SyncCatalog;
import io.idra.state.StatusStore;
import org.apache.camel.CamelContext;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Everything ops see of a running program, wired once its settings are resolved: an MBean per sync, the status
 * table in the state store, and, when {@code idra.http.enabled}, /metrics and /health.
 */
public final class Operations {

    private Operations() {
    }

    /**
     * @param stateStore the state store's pool; the status table lives beside idra_offset
     * @throws java.sql.SQLException when the status table cannot be created
     * @throws Exception             when the HTTP server cannot start
     */
    public static void install(CamelContext context, SyncCatalog catalog, DataSource stateStore) throws Exception {
        OpsSettings settings = OpsSettings.from(context.getPropertiesComponent());
        StatusStore status = new StatusStore(stateStore);
        status.init();
        catalog.addListener(new StatusWriter(status, settings.node(), Clock.systemUTC()));

        WatchedSyncs syncs = new WatchedSyncs(catalog);
        catalog.addListener(syncs);
        syncs.addListener(new SyncMBeans(context));
        if (settings.httpEnabled()) {
            SyncMetrics metrics = new SyncMetrics(context, syncs);
            catalog.addListener(metrics);
            syncs.addListener(metrics);
            context.addService(new OpsHttp(settings, metrics.registry(),
                    new Health(context, syncs, settings.failingLimit())), true, true);
        }
        context.addLifecycleStrategy(syncs);
    }
}
