package io.idra.route;

import io.idra.cursor.Offset;
import io.idra.dialect.CursorQuery;
import io.idra.dialect.Dialect;
import io.idra.model.Attributes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads where the sync stands (the state store, or MAX() at the destination for LastDestination* modes; the
 * record's start_offset when neither has one yet) and turns it into the source query for the next pass: the
 * message body becomes the SQL and its parameters go to camel-sql's parameter header.
 */
final class OffsetReader implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    @Override
    public void process(Exchange exchange) throws Exception {
        Tick tick = Tick.of(exchange);
        SyncRuntime runtime = tick.runtime();
        tick.phase("checking the tables");
        SyncPlan plan = runtime.plan();
        tick.phase("reading the offset");
        Offset offset = current(runtime, plan);
        if (!tick.beginPass(offset)) {
            return;
        }
        Dialect source = runtime.sourceDialect();
        if (tick.passes() == 1 && runtime.nullCheckDue(tick.started())) {
            countNullCursors(runtime, plan);
        }
        tick.phase("reading the source");
        int delay = runtime.sync().mode().usesTimestamp()
                ? runtime.sync().source().seconds(Attributes.TIMESTAMP_DELAY_SECONDS) : 0;
        // an inclusive offset (a LastDestinationTimestamp sync) always has its own row to read again: no question
        boolean inclusive = offset != null && offset.inclusive();
        // one round trip for an idle tick, most ticks of a caught-up sync, instead of the streaming query
        if (!inclusive && SourceQuery.firstValue(runtime, source.existsAfter(plan.sourceRelation(),
                plan.cursorColumns(), runtime.cursor().sourceLayout(), offset, delay), 0) == null) {
            tick.nothingAfter();
            return;
        }
        CursorQuery query = source.selectAfter(plan.sourceRelation(), plan.cursorColumns(),
                runtime.cursor().sourceLayout(), offset, delay);
        exchange.getMessage().setBody(query.sql());
        exchange.getMessage().setHeader(SqlConstants.SQL_PARAMETERS,
                query.params().stream().map(source::bindable).toList());
    }

    /** Rows with a NULL cursor cannot be ordered, so no mode copies them: count them and say so, once per change. */
    private static void countNullCursors(SyncRuntime runtime, SyncPlan plan) throws SQLException {
        long count = ((Number) SourceQuery.firstValue(runtime, new CursorQuery(
                runtime.sourceDialect().countNullCursors(plan.sourceRelation(), plan.cursorColumns()), List.of()), 0))
                .longValue();
        if (runtime.status().nullCursorRows(count) && count > 0) {
            LOG.warn("sync '{}': {} source rows have a NULL in {} and cannot be copied (counted in the sync's status)",
                    runtime.sync().name(), count, plan.cursorColumns());
        }
    }

    static Offset current(SyncRuntime runtime, SyncPlan plan) throws SQLException {
        Offset stored = runtime.sync().mode().offsetInDestination()
                ? destinationMax(runtime, plan)
                : runtime.offsets().load(runtime.sync().id()).map(o -> fitting(o, runtime, plan)).orElse(null);
        return stored != null ? stored : plan.startOffset();
    }

    /**
     * A stored offset must fit the cursor it is compared with: a record that kept its id but changed its mode or
     * key would otherwise compare old values with other columns (a type error, or silently wrong rows).
     */
    private static Offset fitting(Offset stored, SyncRuntime runtime, SyncPlan plan) {
        boolean timestamps = runtime.sync().mode().usesTimestamp();
        boolean temporal = stored.values().get(0) instanceof Temporal;
        int size = stored.values().size();
        if (size > plan.cursorColumns().size() || (size < plan.cursorColumns().size() && !stored.inclusive())
                || temporal != timestamps) {
            throw new SyncException("mode", "the stored offset " + stored + " does not fit the cursor "
                    + plan.cursorColumns() + " (was the mode or the key changed?): reset it with 'idra offsets reset "
                    + runtime.sync().name() + "', or give the record a new id");
        }
        return stored;
    }

    /** MAX(cursor) at the destination, or null when the table is empty. */
    private static Offset destinationMax(SyncRuntime runtime, SyncPlan plan) throws SQLException {
        Dialect destination = runtime.destinationDialect();
        try (Connection c = runtime.destinationPool().getConnection();
             PreparedStatement ps = c.prepareStatement(plan.destinationMaxSql());
             ResultSet rs = ps.executeQuery()) {
            List<Object> values = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Dialect.ColumnReader reader = destination.reader(rs.getMetaData().getColumnType(i),
                            rs.getMetaData().getColumnTypeName(i));
                    values.add(reader.read(rs, i));
                }
            }
            c.rollback();
            if (values.isEmpty() || values.contains(null)) {
                return null;
            }
            return runtime.cursor().destinationOffset(values, runtime.sync().mode());
        }
    }
}
