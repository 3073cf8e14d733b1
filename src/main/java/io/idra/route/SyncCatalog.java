package io.idra.route;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The syncs this program runs, by route id, and who wants to hear when their ticks end. */
public final class SyncCatalog {

    /** Told when a tick ends; {@code error} is null on success. */
    public interface TickListener {
        void tickEnded(SyncRuntime sync, long rows, String error);

        /**
         * Told after each batch is committed and its offset recorded on the tick, so that counts move during a
         * long catch-up, not only when its tick ends. {@code rows} counts the rows copied (not those re-read).
         */
        default void batchWritten(SyncRuntime sync, int rows) {
        }
    }

    private final Map<String, SyncRuntime> byRouteId = new ConcurrentHashMap<>();
    private final List<TickListener> listeners = new CopyOnWriteArrayList<>();

    public void add(SyncRuntime runtime) {
        if (byRouteId.putIfAbsent(runtime.sync().routeId(), runtime) != null) {
            throw new IllegalArgumentException("sync '" + runtime.sync().name() + "' is defined twice");
        }
    }

    public SyncRuntime byRouteId(String routeId) {
        SyncRuntime runtime = byRouteId.get(routeId);
        if (runtime == null) {
            throw new IllegalStateException("route " + routeId + " is made from the idra-sync template but is not"
                    + " named sync-<sync_name>: leave routeId out of its YAML file");
        }
        return runtime;
    }

    /** Forgets a sync whose route was removed (a YAML file deleted or edited while running). */
    public void remove(String routeId) {
        byRouteId.remove(routeId);
    }

    public Collection<SyncRuntime> all() {
        return byRouteId.values();
    }

    public void addListener(TickListener listener) {
        listeners.add(listener);
    }

    void tickEnded(SyncRuntime sync, long rows, String error) {
        listeners.forEach(l -> l.tickEnded(sync, rows, error));
    }

    void batchWritten(SyncRuntime sync, int rows) {
        listeners.forEach(l -> l.batchWritten(sync, rows));
    }
}
