package io.idra.ops;

import io.idra.connect.ConnectionStringMask;
import io.idra.model.Connector;
import io.idra.route.SyncRuntime;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import java.time.Instant;

/** The {@link SyncMXBean} of one sync: its status, its position, and the operations on it. */
final class SyncControl implements SyncMXBean {

    private final SyncRuntime runtime;
    private final CamelContext context;
    private final Position position;
    private final OffsetControl offsets;
    private final Secrets secrets;

    SyncControl(SyncRuntime runtime, CamelContext context, Position position) {
        this.runtime = runtime;
        this.context = context;
        this.position = position;
        this.offsets = new OffsetControl(runtime, context, position);
        this.secrets = Secrets.of(runtime.sync());
    }

    @Override
    public String getSyncName() {
        return runtime.sync().name();
    }

    @Override
    public String getMode() {
        return runtime.sync().mode().jsonName();
    }

    @Override
    public String getSaveMode() {
        String mode = runtime.sync().saveMode().name();
        return mode.charAt(0) + mode.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String getState() {
        return runtime.status().state().name();
    }

    @Override
    public String getRouteStatus() {
        return String.valueOf(routeStatus());
    }

    @Override
    public String getLastTickStart() {
        return text(runtime.status().lastTickStart());
    }

    @Override
    public String getLastTickEnd() {
        return text(runtime.status().lastTickEnd());
    }

    @Override
    public long getLastTickDurationMillis() {
        return runtime.status().lastTickDuration().toMillis();
    }

    @Override
    public String getLastError() {
        return secrets.mask(runtime.status().lastError());
    }

    @Override
    public long getRowsCopiedTotal() {
        return runtime.status().rowsTotal();
    }

    @Override
    public long getRowsCopiedLastTick() {
        return runtime.status().rowsLastTick();
    }

    @Override
    public String getOffset() {
        return secrets.mask(position.get().offset());
    }

    @Override
    public long getLag() {
        return position.get().lag();
    }

    @Override
    public String getLagUnit() {
        return position.unit();
    }

    @Override
    public long getNullCursorRows() {
        return runtime.status().nullCursorRows();
    }

    @Override
    public String getSource() {
        return describe(runtime.sync().source());
    }

    @Override
    public String getDestination() {
        return describe(runtime.sync().destination());
    }

    @Override
    public void runNow() {
        ServiceStatus status = routeStatus();
        if (status != ServiceStatus.Started) {
            throw new IllegalStateException(name() + ": route " + runtime.sync().routeId() + " is " + status
                    + "; start it first (runNow starts a tick of a running sync)");
        }
        Route route = context.getRoute(runtime.sync().routeId());
        Endpoint endpoint = route.getEndpoint();
        if (!(endpoint instanceof QuartzEndpoint quartz)) {
            throw new IllegalStateException(name() + ": route " + route.getId() + " is not started by a timer");
        }
        runtime.retryNow();
        // camel-quartz names the job like its trigger; the job is stateful, so this fire waits for a running tick
        TriggerKey trigger = quartz.getTriggerKey();
        try {
            quartz.getComponent().getScheduler().triggerJob(JobKey.jobKey(trigger.getName(), trigger.getGroup()));
        } catch (SchedulerException e) {
            throw new IllegalStateException(name() + ": cannot start a tick: " + e.getMessage());
        }
    }

    @Override
    public void setOffset(String value) {
        offsets.set(value);
    }

    @Override
    public void resetOffset() {
        offsets.reset();
    }

    private ServiceStatus routeStatus() {
        return context.getRouteController().getRouteStatus(runtime.sync().routeId());
    }

    private String describe(Connector connector) {
        String what = connector.hasQuery() ? "query " + connector.query().strip() : "table " + connector.table();
        return secrets.mask(connector.type().jsonName() + " " + what + " on "
                + ConnectionStringMask.mask(connector.connectionString()));
    }

    private String name() {
        return "sync '" + runtime.sync().name() + "'";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
