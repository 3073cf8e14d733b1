package io.idra.ops;

import io.idra.route.SyncCatalog;
import io.idra.route.SyncRuntime;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.LifecycleStrategySupport;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The syncs whose routes Camel holds right now, each with its cached {@link Position}. Follows Camel's route
 * lifecycle, the same moments at which Camel registers and unregisters its own route MBeans: a route added at start
 * or by a YAML reload (also one that does not start: a disabled sync), removed by a reload or at shutdown.
 */
final class WatchedSyncs extends LifecycleStrategySupport implements SyncCatalog.TickListener {

    /** A sync as operations see it. */
    record Watched(SyncRuntime runtime, Position position) {
        String name() {
            return runtime.sync().name();
        }
    }

    /** Told when a sync's route comes and goes. */
    interface Listener {
        void added(Watched sync);

        void removed(Watched sync);
    }

    private final SyncCatalog catalog;
    private final Map<String, Watched> byRouteId = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    WatchedSyncs(SyncCatalog catalog) {
        this.catalog = catalog;
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    Collection<Watched> all() {
        return byRouteId.values();
    }

    @Override
    public void onRoutesAdd(Collection<Route> routes) {
        for (Route route : routes) {
            find(route.getRouteId()).ifPresent(runtime -> {
                Watched known = byRouteId.get(route.getRouteId());
                if (known != null && known.runtime() == runtime) {
                    // Camel tells again when a stopped route starts: the same sync, counters and all
                    return;
                }
                Watched sync = new Watched(runtime, new Position(runtime));
                Watched before = byRouteId.put(route.getRouteId(), sync);
                if (before != null) {
                    listeners.forEach(l -> l.removed(before));
                }
                listeners.forEach(l -> l.added(sync));
            });
        }
    }

    @Override
    public void onRoutesRemove(Collection<Route> routes) {
        for (Route route : routes) {
            Watched sync = byRouteId.remove(route.getRouteId());
            if (sync != null) {
                listeners.forEach(l -> l.removed(sync));
            }
        }
    }

    @Override
    public void onContextStopped(CamelContext context) {
        for (String routeId : List.copyOf(byRouteId.keySet())) {
            Watched sync = byRouteId.remove(routeId);
            if (sync != null) {
                listeners.forEach(l -> l.removed(sync));
            }
        }
    }

    /** A tick that copied rows moved the offset: its position is read again at the next look. */
    @Override
    public void tickEnded(SyncRuntime sync, long rows, String error) {
        if (rows > 0) {
            Watched watched = byRouteId.get(sync.sync().routeId());
            if (watched != null) {
                watched.position().invalidate();
            }
        }
    }

    /** Routes of other templates or of plain route files are not syncs. */
    private Optional<SyncRuntime> find(String routeId) {
        return catalog.all().stream().filter(r -> r.sync().routeId().equals(routeId)).findFirst();
    }
}
