package io.idra.app;

import io.idra.model.Sync;
import io.idra.route.SyncCatalog;
import io.idra.route.SyncRouteTemplate;
import org.apache.camel.main.Main;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Camel Main with the sync routes: settings from config/application.properties (overridable by -D and environment
 * variables), the {@code idra-sync} template, and one templated route per enabled sync.
 */
public final class IdraApplication {

    /** Where Camel Main reads the settings; the CLI's state-store commands read them from the same place. */
    public static final String PROPERTIES = "file:config/application.properties;optional=true";

    private final List<Sync> syncs;
    private final Map<Path, List<Sync>> routeFiles;
    private final Map<String, String> overrides;
    private final SyncCatalog catalog = new SyncCatalog();
    private volatile Main running;
    private volatile boolean stopRequested;

    public IdraApplication(List<Sync> syncs, Map<String, String> overrides) {
        this(new SyncLoader.Loaded(syncs, Map.of(), List.of(), List.of()), overrides);
    }

    /** The syncs of JSON files and of YAML route files, as loaded and checked. */
    public IdraApplication(SyncLoader.Loaded loaded, Map<String, String> overrides) {
        this.syncs = loaded.syncs();
        this.routeFiles = loaded.routeFiles();
        this.overrides = Map.copyOf(overrides);
    }

    /** Runs every enabled sync until the program is stopped (Ctrl-C / SIGTERM finish the batch in hand). */
    public void runForever() throws Exception {
        Main main = main(false);
        running = main;
        if (stopRequested) {
            main.completed();
        }
        main.run();
    }

    /**
     * Ends {@link #runForever()} from another thread as Ctrl-C does: the batch in hand is finished, then Camel stops
     * and runForever returns. Called before runForever, it makes runForever return at once.
     */
    public void stop() {
        stopRequested = true;
        Main main = running;
        if (main != null) {
            main.completed();
        }
    }

    /**
     * Runs one tick of every enabled sync (each until caught up), then stops Camel.
     *
     * @return what each sync reported
     */
    public OnceRun runOnce(long timeout, TimeUnit unit) throws Exception {
        long enabled = syncs.stream().filter(s -> !s.disabled()).count();
        OnceRun run = new OnceRun((int) enabled);
        catalog.addListener(run);
        Main main = main(true);
        main.start();
        try {
            if (!run.await(timeout, unit)) {
                throw new IllegalStateException("the syncs did not finish their tick within " + timeout + " "
                        + unit.name().toLowerCase(java.util.Locale.ROOT));
            }
        } finally {
            main.stop();
        }
        return run;
    }

    /** The running Camel context of {@link #runForever()}, or null before it started. */
    public org.apache.camel.CamelContext camelContext() {
        Main main = running;
        return main == null ? null : main.getCamelContext();
    }

    public SyncCatalog catalog() {
        return catalog;
    }

    private Main main(boolean once) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTIES);
        // Identical on every node: Quartz keys a cluster's jobs by it (the properties file may still override it).
        main.configure().setName("idra");
        // its summary would list every template parameter, connection strings included
        main.configure().setAutoConfigurationLogSummary(false);
        // Quartz's own scheduler MBean builds JMX data at every job execution, 2-5 % of what idle syncs cost; the
        // syncs' MBeans and Camel's route MBeans are the JMX view (a setting may turn it back on)
        main.addInitialProperty("camel.component.quartz.enable-jmx", "false");
        overrides.forEach(main::addOverrideProperty);
        main.configure().addRoutesBuilder(new SyncRouteTemplate(catalog));
        main.configure().addRoutesBuilder(new SyncRoutes(syncs, routeFiles, catalog, once));
        return main;
    }
}
