package io.idra.ops;

import io.idra.route.SyncCatalog;
import io.idra.route.SyncRuntime;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * Per-sync Prometheus series, labelled {@code sync}. Counters move per batch (a long catch-up shows progress
 * between scrapes); gauges are read at scrape time, lag through the sync's ten-second {@link Position} cache. A
 * registry of its own per program, so programs started one after another in one JVM (tests) never share series.
 */
final class SyncMetrics implements SyncCatalog.TickListener, WatchedSyncs.Listener {

    /** Tick durations from an idle tick (milliseconds) to a long catch-up (many minutes). */
    private static final double[] DURATION_BOUNDS = {0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter rows;
    private final Counter batches;
    private final Counter errors;
    private final Histogram duration;

    SyncMetrics(CamelContext context, WatchedSyncs syncs) {
        rows = Counter.builder().name("idra_rows_copied_total").help("Rows copied to the destination")
                .labelNames("sync").withoutExemplars().register(registry);
        batches = Counter.builder().name("idra_batches_total").help("Batches committed at the destination")
                .labelNames("sync").withoutExemplars().register(registry);
        errors = Counter.builder().name("idra_tick_errors_total").help("Ticks that failed")
                .labelNames("sync").withoutExemplars().register(registry);
        duration = Histogram.builder().name("idra_tick_duration_seconds").help("Duration of a tick, idle ones too")
                .labelNames("sync").classicOnly().classicUpperBounds(DURATION_BOUNDS).withoutExemplars()
                .register(registry);
        GaugeWithCallback.builder().name("idra_lag")
                .help("How far a sync is behind its source: seconds for timestamp modes, rows for id modes")
                .labelNames("sync", "unit")
                .callback(callback -> syncs.all().forEach(sync -> {
                    long lag = sync.position().get().lag();
                    if (lag >= 0) {
                        callback.call(lag, sync.name(), sync.position().unit());
                    }
                }))
                .register(registry);
        GaugeWithCallback.builder().name("idra_null_cursor_rows")
                .help("Source rows no mode can copy because a cursor column is NULL")
                .labelNames("sync")
                .callback(callback -> syncs.all().forEach(sync ->
                        callback.call(sync.runtime().status().nullCursorRows(), sync.name())))
                .register(registry);
        GaugeWithCallback.builder().name("idra_sync_up")
                .help("1 when the sync's route is started and its last tick did not fail, else 0")
                .labelNames("sync")
                .callback(callback -> syncs.all().forEach(sync -> callback.call(up(context, sync) ? 1 : 0,
                        sync.name())))
                .register(registry);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    private static boolean up(CamelContext context, WatchedSyncs.Watched sync) {
        return context.getRouteController().getRouteStatus(sync.runtime().sync().routeId()) == ServiceStatus.Started
                && sync.runtime().status().state() != SyncStatus.State.FAILED;
    }

    /** Series start at 0 when the route appears, so a rate() has a start and a dashboard lists idle syncs. */
    @Override
    public void added(WatchedSyncs.Watched sync) {
        rows.initLabelValues(sync.name());
        batches.initLabelValues(sync.name());
        errors.initLabelValues(sync.name());
    }

    @Override
    public void removed(WatchedSyncs.Watched sync) {
        rows.remove(sync.name());
        batches.remove(sync.name());
        errors.remove(sync.name());
        duration.remove(sync.name());
    }

    @Override
    public void batchWritten(SyncRuntime sync, int count) {
        rows.labelValues(sync.sync().name()).inc(count);
        batches.labelValues(sync.sync().name()).inc();
    }

    @Override
    public void tickEnded(SyncRuntime sync, long count, String error) {
        if (error != null) {
            errors.labelValues(sync.sync().name()).inc();
        }
        duration.labelValues(sync.sync().name()).observe(sync.status().lastTickDuration().toNanos() / 1e9);
    }
}
