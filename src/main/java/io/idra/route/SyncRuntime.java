package io.idra.route;

import io.idra.connect.JdbcTarget;
import io.idra.cursor.Cursor;
import io.idra.cursor.Offset;
import io.idra.dialect.Dialect;
import io.idra.model.Attributes;
import io.idra.model.Sync;
import io.idra.ops.SyncStatus;
import io.idra.state.OffsetStore;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * A sync ready to run: its record, the dialects and pools of both ends, the offset store, and the plan found from
 * the tables' metadata (built at the first tick, rebuilt after a failure in case a table changed).
 */
public final class SyncRuntime {

    private final Sync sync;
    private final Dialect sourceDialect;
    private final Dialect destinationDialect;
    private final JdbcTarget sourceTarget;
    private final JdbcTarget destinationTarget;
    private final DataSource sourcePool;
    private final DataSource destinationPool;
    private final OffsetStore offsets;
    private final Cursor cursor;
    private final SyncStatus status;
    private final boolean bulkWrites;
    private final int parallelLoads;
    private final Backoff backoff = new Backoff();
    private final GapWatch gaps;
    private volatile SyncPlan plan;
    private volatile Instant nullCheckDue = Instant.MIN;

    public SyncRuntime(Sync sync, Dialect sourceDialect, Dialect destinationDialect, JdbcTarget sourceTarget,
                       JdbcTarget destinationTarget, DataSource sourcePool, DataSource destinationPool,
                       OffsetStore offsets, boolean once, boolean bulkWrites, int parallelLoads) {
        this.sync = sync;
        this.sourceDialect = sourceDialect;
        this.destinationDialect = destinationDialect;
        this.sourceTarget = sourceTarget;
        this.destinationTarget = destinationTarget;
        this.sourcePool = sourcePool;
        this.destinationPool = destinationPool;
        this.offsets = offsets;
        this.cursor = Cursor.of(sync);
        this.status = new SyncStatus(sync);
        this.bulkWrites = bulkWrites;
        this.parallelLoads = parallelLoads;
        this.gaps = new GapWatch(sync.mode().usesTimestamp() ? 0 : sync.source().seconds(Attributes.ID_GAP_WAIT_SECONDS),
                once);
    }

    public SyncPlan plan() throws SQLException {
        SyncPlan current = plan;
        if (current == null) {
            current = new PlanBuilder(this).build();
            plan = current;
        }
        return current;
    }

    /**
     * The plan of the running tick (built by then); elsewhere the latest plan, or null before the first tick and
     * after a failure (building one reads metadata and may create the destination table: only ticks do that).
     */
    public SyncPlan planned() {
        return plan;
    }

    /** Where the next pass would start, read as {@link OffsetReader} reads it; null: from the beginning. */
    public Offset currentOffset(SyncPlan plan) throws SQLException {
        return OffsetReader.current(this, plan);
    }

    /** An operator's "run now": the next tick runs even while the sync backs off after failures. */
    public void retryNow() {
        backoff.succeeded();
    }

    /** Whether batches may be bulk loaded through a staging table (idra.write.bulk); the plan decides per sync. */
    boolean bulkWrites() {
        return bulkWrites;
    }

    /** How many batches of a pass writer threads may hold at once (idra.write.parallel-loads). */
    int parallelLoads() {
        return parallelLoads;
    }

    Backoff backoff() {
        return backoff;
    }

    GapWatch gaps() {
        return gaps;
    }

    /**
     * Whether to count NULL-cursor rows now: at the first tick and then at most every five minutes, because without
     * an index the count scans the table.
     */
    boolean nullCheckDue(Instant now) {
        if (now.isBefore(nullCheckDue)) {
            return false;
        }
        nullCheckDue = now.plus(Duration.ofMinutes(5));
        return true;
    }

    /** Forget the plan so the next tick reads the tables' metadata again. */
    void invalidatePlan() {
        plan = null;
    }

    public Sync sync() {
        return sync;
    }

    public Dialect sourceDialect() {
        return sourceDialect;
    }

    public Dialect destinationDialect() {
        return destinationDialect;
    }

    public String sourceTarget() {
        return sourceTarget.describe();
    }

    public String destinationTarget() {
        return destinationTarget.describe();
    }

    JdbcTarget sourceJdbcTarget() {
        return sourceTarget;
    }

    public DataSource sourcePool() {
        return sourcePool;
    }

    public DataSource destinationPool() {
        return destinationPool;
    }

    public OffsetStore offsets() {
        return offsets;
    }

    public Cursor cursor() {
        return cursor;
    }

    public SyncStatus status() {
        return status;
    }
}
