package io.idra.route;

import io.idra.dialect.BulkLoad;
import io.idra.dialect.BulkWrites;
import io.idra.dialect.TableInfo;
import io.idra.model.Sync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Decides when a plan is made whether the sync's batches are bulk loaded through a staging table or written as JDBC
 * batches: bulk when {@code idra.write.bulk} is on, every column's values have an exact text form, and the destination
 * server takes the load (it can create the staging table; MySQL's local_infile). Otherwise it says why, once per plan.
 */
final class BulkChoice {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private BulkChoice() {
    }

    /** The bulk load for the plan, or null for JDBC batches. */
    static BulkLoad choose(SyncRuntime runtime, TableInfo destination, List<TableInfo.Column> sourceColumns,
                           List<TableInfo.Column> targets, List<String> keys, List<String> textCompared)
            throws SQLException {
        if (!runtime.bulkWrites()) {
            return null;
        }
        Sync sync = runtime.sync();
        BulkWrites writes = runtime.destinationDialect().bulkWrites();
        String refusal = writes.refusal(runtime.sourceDialect().bulkWrites(), sourceColumns, targets);
        BulkLoad load = null;
        if (refusal == null) {
            load = writes.load(destination.name(), targets, keys, sync.saveMode(), textCompared, sync.id());
            try (Connection c = runtime.destinationPool().getConnection()) {
                refusal = load.unavailable(c);
                c.rollback();
            }
        }
        if (refusal != null) {
            LOG.info("sync '{}': writing JDBC batches instead of bulk loads: {}", sync.name(), refusal);
            return null;
        }
        return load;
    }
}
