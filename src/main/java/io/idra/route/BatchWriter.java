package io.idra.route;

import io.idra.cursor.Offset;
import io.idra.dialect.BulkLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ServiceStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes one batch of source rows to the destination in one transaction, then records the cursor of its last row on
 * the tick for the {@link OffsetSaver}. The batch goes as a bulk load through a staging table when the plan has one
 * ({@link SyncPlan#bulk()}), else as one JDBC batch whose values are bound by position, in the order of
 * {@link SyncPlan#columns()}, and sent in chunks so that the driver's per-row buffers stay small. Either way every
 * value passes its column's checks and conversions first ({@link RowBinder}). Batches of a pass may load at the same
 * time, but commit in the order they were read ({@link Turn}).
 */
final class BatchWriter implements Processor {

    /** Rows per executeBatch(): the drivers' sweet spot; the transaction still covers the whole batch. */
    static final int CHUNK = 2000;

    private final SyncCatalog catalog;

    BatchWriter(SyncCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Tick tick = Tick.of(exchange);
        if (stopping(exchange)) {
            throw new StopRequested();
        }
        List<?> rows = exchange.getMessage().getBody(List.class);
        if (rows == null || rows.isEmpty()) {
            return;
        }
        SyncRuntime runtime = tick.runtime();
        SyncPlan plan = runtime.plan();
        write(Turn.of(exchange), runtime, plan, rows);
        Object[] last = (Object[]) rows.get(rows.size() - 1);
        int rechecked = rechecked(tick.passStart(), runtime, plan, rows);
        tick.batchWritten(rows.size(), rechecked,
                runtime.cursor().offsetAfter(plan.cursorValues(last), runtime.sync().mode()));
        catalog.batchWritten(runtime, rows.size() - rechecked);
    }

    /** Rows on the inclusive start of the pass: read again to catch late ties, not new. */
    private static int rechecked(Offset start, SyncRuntime runtime, SyncPlan plan, List<?> rows) {
        if (start == null || !start.inclusive()) {
            return 0;
        }
        Object startValue = start.values().get(0);
        int index = plan.cursorIndexes()[0];
        int count = 0;
        for (Object row : rows) {
            if (startValue.equals(runtime.cursor().firstValue(((Object[]) row)[index]))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Loads straight into the destination when it can, else through the staging table or as a JDBC batch once the
     * batches before this one have committed; commits after them ({@link Turn}).
     */
    private static void write(Turn turn, SyncRuntime runtime, SyncPlan plan, List<?> rows) throws Exception {
        RowBinder.Batch batch = plan.binder().batch();
        BulkLoad bulk = plan.bulk();
        // converted once, before a connection is taken: a direct load that falls back to the staging table streams
        // the rows again, and each conversion would count its stored-as-NULL warnings again
        Object[][] values = bulk == null ? null
                : rows.stream().map(row -> batch.bulkValues((Object[]) row)).toArray(Object[][]::new);
        try (Connection c = turn.connect(runtime.destinationPool())) {
            try {
                if (bulk != null) {
                    if (!turn.loadInTurn(() -> bulk.loadedDirectly(c, values.length, i -> values[i]))) {
                        turn.afterEarlier(() -> bulk.writeStaged(c, values.length, i -> values[i]));
                    }
                } else {
                    turn.afterEarlier(() -> writeJdbcBatch(c, plan, batch, rows));
                }
                turn.awaitEarlier();
                c.commit();
                batch.logWarnings();
            } catch (Exception e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    private static void writeJdbcBatch(Connection c, SyncPlan plan, RowBinder.Batch batch, List<?> rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(plan.writeSql())) {
            int pending = 0;
            for (Object element : rows) {
                batch.bind(ps, (Object[]) element);
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** A lost connection also fails the rollback; the error that matters is the one that failed the batch. */
    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Ctrl-C, SIGTERM or a JMX stop: finish the batch in hand, start no new one. */
    private static boolean stopping(Exchange exchange) {
        if (exchange.getContext().isStopping()) {
            return true;
        }
        ServiceStatus route = exchange.getContext().getRouteController().getRouteStatus(exchange.getFromRouteId());
        return route != null && (route.isStopping() || route.isStopped());
    }

    /** Ends a tick early, between batches, when the program or the route is stopping. */
    static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stopped before the next batch", null, false, false);
        }
    }
}
