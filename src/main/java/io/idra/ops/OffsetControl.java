package io.idra.ops;

import io.idra.connect.Pools;
import io.idra.cursor.Offset;
import io.idra.dialect.TableInfo;
import io.idra.dialect.TableInspector;
import io.idra.route.Errors;
import io.idra.route.SyncPlan;
import io.idra.route.SyncRuntime;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Setting and resetting a sync's stored offset by hand. As in Kafka Connect, only while the sync is stopped: a
 * running tick saves its own offset after every batch and would overwrite, or race with, the operator's.
 * Failures are IllegalStateException / IllegalArgumentException with a message only, so that any JMX client can
 * show them (a driver's exception class may not exist on the client).
 */
final class OffsetControl {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private final SyncRuntime runtime;
    private final CamelContext context;
    private final Position position;

    OffsetControl(SyncRuntime runtime, CamelContext context, Position position) {
        this.runtime = runtime;
        this.context = context;
        this.position = position;
    }

    void set(String text) {
        checkChangeable("set");
        SyncPlan plan = plan();
        Offset offset;
        try {
            offset = OffsetText.parse(text, plan.cursorColumns(), kinds(plan));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + ": " + e.getMessage());
        }
        try {
            runtime.offsets().save(runtime.sync().id(), runtime.sync().name(), offset);
        } catch (SQLException e) {
            throw new IllegalStateException(name() + ": cannot save the offset: " + Errors.firstLine(e));
        }
        position.invalidate();
        LOG.info("{}: offset set to {} by an operator; the sync reads {} when it starts", name(),
                OffsetText.format(offset), offset);
    }

    void reset() {
        checkChangeable("reset");
        try {
            runtime.offsets().delete(runtime.sync().id());
        } catch (SQLException e) {
            throw new IllegalStateException(name() + ": cannot delete the offset: " + Errors.firstLine(e));
        }
        position.invalidate();
        LOG.info("{}: offset reset by an operator; the sync starts again from start_offset when it starts", name());
    }

    private void checkChangeable(String what) {
        if (runtime.sync().mode().offsetInDestination()) {
            throw new IllegalStateException(name() + ": mode " + runtime.sync().mode().jsonName() + " keeps no offset"
                    + " to " + what + ": its offset is the MAX() of " + runtime.cursor().destinationMaxColumns()
                    + " in the destination table, so it moves only with the rows there");
        }
        ServiceStatus status = context.getRouteController().getRouteStatus(runtime.sync().routeId());
        if (status != ServiceStatus.Stopped) {
            throw new IllegalStateException(name() + ": the offset can be " + what + " only while route "
                    + runtime.sync().routeId() + " is stopped (it is " + status + "): stop the route first, so no"
                    + " tick saves its own offset meanwhile");
        }
    }

    /** The route is stopped, so no tick builds the plan at the same time. */
    private SyncPlan plan() {
        try {
            return runtime.plan();
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException(name() + ": cannot read the tables to type the offset: "
                    + Errors.firstLine(e));
        }
    }

    /** What the source's cursor columns are read as, from the source's metadata. */
    private List<OffsetText.Kind> kinds(SyncPlan plan) {
        TableInspector inspector = new TableInspector(runtime.sourceDialect());
        List<TableInfo.Column> columns;
        try (Connection c = runtime.sourcePool().getConnection()) {
            columns = inspector.columns(c, plan.sourceRelation());
            Pools.endRead(c);
        } catch (SQLException e) {
            throw new IllegalStateException(name() + ": cannot read the source's columns: " + Errors.firstLine(e));
        }
        List<OffsetText.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < plan.cursorColumns().size(); i++) {
            TableInfo.Column column = columns.get(plan.cursorIndexes()[i]);
            kinds.add(OffsetText.kindOf(column, i == 0 && runtime.cursor().sourceLayout() != null));
        }
        return kinds;
    }

    private String name() {
        return "sync '" + runtime.sync().name() + "'";
    }
}
