package io.idra.app;

import io.idra.model.LoadResult;
import io.idra.model.Sync;
import io.idra.model.SyncParameters;
import io.idra.model.SyncYaml;
import io.idra.route.SyncRouteTemplate;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Live reload of YAML route files: editing, adding or deleting a file in routes/ restarts, adds or removes only the
 * syncs whose definition changed; every other route keeps running. Camel's own route reload cannot do it here: it
 * skips {@code templatedRoute} entries. A file with a mistake is reported with the same lines as {@code validate}
 * prints, and its syncs keep running as they were.
 */
final class RouteFiles extends FileWatcherResourceReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.routes");

    private final CamelContext context;
    private final Map<Path, Map<String, Map<String, String>>> routesByFile = new HashMap<>();

    RouteFiles(CamelContext context, String directory, Map<Path, List<Sync>> loaded) {
        super(directory);
        this.context = context;
        loaded.forEach((file, syncs) -> routesByFile.put(key(file), definitions(syncs)));
        setResourceReload((name, resource) -> reload(Path.of(name)));
        setFileFilter(file -> SyncYaml.isYaml(file.toPath()));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static Map<String, Map<String, String>> definitions(List<Sync> syncs) {
        Map<String, Map<String, String>> routes = new HashMap<>();
        syncs.forEach(sync -> routes.put(sync.routeId(), SyncParameters.of(sync)));
        return routes;
    }

    private synchronized void reload(Path file) throws Exception {
        Map<String, Map<String, String>> before = routesByFile.getOrDefault(key(file), Map.of());
        Map<String, Map<String, String>> after = Map.of();
        if (Files.exists(file)) {
            LoadResult result = SyncYaml.read(file);
            result.warnings().forEach(w -> LOG.warn("{}", w));
            if (!result.ok()) {
                result.errors().forEach(e -> LOG.error("{} (file {} not applied)", e, file));
                return;
            }
            after = definitions(result.syncs());
        }
        Set<String> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String routeId : all) {
            Map<String, String> old = before.get(routeId);
            Map<String, String> now = after.get(routeId);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (old != null) {
                remove(routeId);
            }
            if (now != null) {
                add(routeId, now);
            }
            LOG.info("{} {} from {}", old == null ? "added" : now == null ? "removed" : "restarted", routeId, file);
        }
        routesByFile.put(key(file), after);
    }

    private void remove(String routeId) throws Exception {
        Route route = context.getRoute(routeId);
        if (route != null) {
            context.getRouteController().stopRoute(routeId);
            context.removeRoute(routeId);
        }
    }

    private void add(String routeId, Map<String, String> parameters) {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(context, SyncRouteTemplate.ID).routeId(routeId);
        parameters.forEach(route::parameter);
        route.add();
    }

    @Override
    protected String startupMessage(java.io.File dir) {
        return "Reloading sync route files edited in " + dir;
    }
}
