package io.idra.route;

import io.idra.dialect.Dialect;
import io.idra.dialect.StoredAsNull;
import io.idra.dialect.TableInfo;
import io.idra.dialect.UndecodedText;
import io.idra.dialect.ValueNotStorable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Binds source rows to the destination's write statement, value by value through the destination dialect's
 * {@link Dialect.ValueWriter} for each column. A value the destination cannot hold stops the batch with one line
 * naming the column and the row's key; a value stored as NULL by rule (docs/TYPES.md) is counted and warned about
 * once per batch and column.
 */
final class RowBinder {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private final String syncName;
    private final List<TableInfo.Column> targets;
    private final Dialect.ValueWriter[] writers;
    /** Positions whose undecoded text the destination's bulk load takes as it is. */
    private final boolean[] bulkUndecoded;
    private final boolean[] localInstants;
    private final ZoneId sourceZone;
    private final List<String> keyNames;
    private final int[] keyIndexes;

    /**
     * @param targets       the destination column of each row position
     * @param localInstants positions whose source values are instants read as local date-times of the source session
     * @param sourceZone    the source session's zone, which places those values in time
     * @param keyIndexes    positions of the key columns, to name a row in messages
     */
    RowBinder(String syncName, Dialect destination, ZoneId destinationZone, List<TableInfo.Column> targets,
              boolean[] localInstants, ZoneId sourceZone, List<String> keyNames, int[] keyIndexes) {
        this.syncName = syncName;
        this.targets = List.copyOf(targets);
        this.writers = targets.stream().map(t -> destination.writer(t, destinationZone))
                .toArray(Dialect.ValueWriter[]::new);
        this.bulkUndecoded = new boolean[targets.size()];
        for (int i = 0; i < bulkUndecoded.length; i++) {
            bulkUndecoded[i] = destination.bulkTakesUndecodedText(targets.get(i));
        }
        this.localInstants = localInstants.clone();
        this.sourceZone = sourceZone;
        this.keyNames = List.copyOf(keyNames);
        this.keyIndexes = keyIndexes.clone();
    }

    boolean isKey(int index) {
        for (int key : keyIndexes) {
            if (key == index) {
                return true;
            }
        }
        return false;
    }

    Batch batch() {
        return new Batch();
    }

    /** The binding of one batch, which collects the warnings to log once it has committed. */
    final class Batch {

        private final Map<Integer, Warning> warnings = new LinkedHashMap<>();

        void bind(PreparedStatement ps, Object[] row) throws SQLException {
            Object[] values = values(row, false);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    ps.setNull(i + 1, targets.get(i).jdbcType());
                } else {
                    ps.setObject(i + 1, value);
                }
            }
        }

        /** The row's values as the destination's bulk load takes them (see {@link #values(Object[], boolean)}). */
        Object[] bulkValues(Object[] row) {
            return values(row, true);
        }

        /**
         * The row's values as the destination takes them: each checked and converted by its column's writer.
         *
         * @param bulk for a bulk load, which may take undecoded text as it is ({@link Dialect#bulkTakesUndecodedText})
         */
        private Object[] values(Object[] row, boolean bulk) {
            Object[] values = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                values[i] = row[i] == null ? null : write(i, row, row[i], bulk && bulkUndecoded[i]);
            }
            return values;
        }

        private Object write(int i, Object[] row, Object value, boolean undecodedTaken) {
            Object source = value instanceof UndecodedText text ? (undecodedTaken ? text : text.decode())
                    : localInstants[i] && value instanceof LocalDateTime local
                    ? local.atZone(sourceZone).toOffsetDateTime() : value;
            Object bound;
            try {
                bound = writers[i].write(source);
            } catch (ValueNotStorable e) {
                throw new SyncException("", "row " + key(row) + ", column '" + targets.get(i).name() + "': "
                        + e.getMessage() + "; the batch was not written (docs/TYPES.md)");
            }
            if (bound instanceof StoredAsNull rule) {
                warnings.computeIfAbsent(i, k -> new Warning(rule.reason(), key(row))).count++;
                return null;
            }
            return bound;
        }

        /** After the commit: one line per column that had values stored as NULL. */
        void logWarnings() {
            warnings.forEach((i, w) -> LOG.warn("sync '{}': column '{}': {} value(s) stored as NULL: {} (first in row {})",
                    syncName, targets.get(i).name(), w.count, w.reason, w.firstKey));
        }
    }

    private String key(Object[] row) {
        StringJoiner key = new StringJoiner(", ");
        for (int k = 0; k < keyIndexes.length; k++) {
            Object value = row[keyIndexes[k]];
            key.add(keyNames.get(k) + "=" + (value instanceof String ? "'" + value + "'" : value));
        }
        return key.toString();
    }

    private static final class Warning {
        private final String reason;
        private final String firstKey;
        private int count;

        Warning(String reason, String firstKey) {
            this.reason = reason;
            this.firstKey = firstKey;
        }
    }
}
