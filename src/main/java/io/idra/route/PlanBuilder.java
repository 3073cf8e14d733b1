package io.idra.route;

import io.idra.connect.Pools;
import io.idra.cursor.Cursor;
import io.idra.cursor.Offset;
import io.idra.dialect.Dialect;
import io.idra.dialect.Identifier;
import io.idra.dialect.TableInfo;
import io.idra.dialect.TableInspector;
import io.idra.model.Sync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a {@link SyncPlan} from the metadata of both tables, and refuses to start a sync that could not be exact:
 * a missing table or column (unless {@link DestinationTable} may create it), or a destination without a unique key
 * on the key columns (INSERT could not skip and UPSERT could not update rows copied before a crash). No row is
 * written before this check passes.
 */
final class PlanBuilder {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private final SyncRuntime runtime;

    PlanBuilder(SyncRuntime runtime) {
        this.runtime = runtime;
    }

    SyncPlan build() throws SQLException {
        Sync sync = runtime.sync();
        Dialect src = runtime.sourceDialect();
        Dialect dst = runtime.destinationDialect();
        Cursor cursor = runtime.cursor();

        String relation;
        Identifier sourceTable = null;
        List<TableInfo.Column> sourceColumns;
        ZoneId sourceZone;
        try (Connection c = connect(runtime.sourcePool(), "source_connector")) {
            TableInspector inspector = new TableInspector(src);
            if (sync.source().hasQuery()) {
                relation = src.relation(null, sync.source().query());
            } else {
                sourceTable = inspector.resolve(c, Identifier.table(sync.source().table()))
                        .orElseThrow(() -> new SyncException("source_connector.table",
                                "table '" + sync.source().table() + "' does not exist in " + runtime.sourceTarget()));
                relation = src.relation(sourceTable, null);
            }
            sourceColumns = sourceColumns(inspector, c, relation);
            sourceZone = src.sessionZone(c);
            Pools.endRead(c);
        }
        List<String> columns = sourceColumns.stream().map(TableInfo.Column::name).toList();
        int[] cursorIndexes = new int[cursor.size()];
        List<String> cursorColumns = new ArrayList<>();
        for (int i = 0; i < cursor.size(); i++) {
            String wanted = cursor.sourceColumns().get(i);
            int index = indexOf(columns, wanted);
            if (index < 0) {
                throw new SyncException(cursorPath(sync, "source_connector", i),
                        "column '" + wanted + "' is not among the source columns " + columns);
            }
            cursorIndexes[i] = index;
            cursorColumns.add(columns.get(index));
        }
        CursorTypes.checkSource(sync, src, Arrays.stream(cursorIndexes).mapToObj(sourceColumns::get).toList());

        TableInfo destination;
        ZoneId destinationZone;
        try (Connection c = connect(runtime.destinationPool(), "destination_connector")) {
            destination = prepare(new DestinationTable(runtime, sourceTable, sourceColumns), c);
            destinationZone = dst.sessionZone(c);
            c.rollback();
        }
        List<TableInfo.Column> targets = new ArrayList<>();
        boolean[] localInstants = new boolean[columns.size()];
        List<String> textCompared = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            TableInfo.Column column = destination.column(columns.get(i)).orElseThrow();
            targets.add(column);
            localInstants[i] = src.readsInstantsAsLocal(sourceColumns.get(i));
            if (dst.lacksEquality(column.typeName())) {
                textCompared.add(column.name());
            }
        }
        List<String> destinationColumns = targets.stream().map(TableInfo.Column::name).toList();
        List<String> keys = new ArrayList<>();
        for (String key : sync.destination().keyColumns()) {
            String actual = destinationColumns.stream().filter(key::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> new SyncException("destination_connector.id", "key column '" + key
                            + "' is not among the columns copied from the source " + columns));
            keys.add(actual);
        }
        if (!destination.hasUniqueKey(keys)) {
            throw new SyncException("destination_connector.id", "table '" + destination.name()
                    + "' has no PRIMARY KEY or UNIQUE index on exactly " + keys + "; one is needed to skip or update"
                    + " rows already copied, so that no row is ever duplicated");
        }
        warnAboutOtherUniqueKeys(dst, destination, keys);
        for (String column : cursor.destinationMaxColumns()) {
            if (sync.mode().offsetInDestination() && destination.column(column).isEmpty()) {
                throw new SyncException(column.equals(cursor.destinationColumns().get(0)) && sync.mode().usesTimestamp()
                        ? "destination_connector.timestamp_field" : "destination_connector.id",
                        "column '" + column + "' does not exist in destination table '" + destination.name() + "'");
            }
        }
        CursorTypes.checkDestination(sync, destination, cursor);
        String maxSql = sync.mode().offsetInDestination()
                ? dst.selectMax(destination.name(), cursor.destinationMaxColumns().stream()
                        .map(c -> destination.column(c).orElseThrow().name()).toList(), cursor.destinationLayout())
                : null;
        String writeSql = dst.writeSql(destination.name(), destinationColumns, keys, sync.saveMode(), textCompared);
        RowBinder binder = new RowBinder(sync.name(), dst, destinationZone, targets, localInstants, sourceZone, keys,
                keys.stream().mapToInt(destinationColumns::indexOf).toArray());
        return new SyncPlan(relation, columns, cursorIndexes, cursorColumns, destination.name(), binder, writeSql,
                BulkChoice.choose(runtime, destination, sourceColumns, targets, keys, textCompared),
                maxSql, startOffset(sync, sourceColumns.get(cursorIndexes[0])));
    }

    /**
     * start_offset as an offset of the first cursor column: id modes copy keys greater than it, timestamp modes read
     * it as epoch milliseconds and copy rows from that time on.
     */
    private Offset startOffset(Sync sync, TableInfo.Column firstCursorColumn) {
        long start = sync.source().startOffset();
        if (start <= 0) {
            return null;
        }
        if (!sync.mode().usesTimestamp()) {
            return Offset.after(List.of(start));
        }
        String zone = runtime.sourceJdbcTarget().timeZone();
        Object time = runtime.sourceDialect().timestampAt(start, firstCursorColumn,
                zone == null ? ZoneId.systemDefault() : ZoneId.of(zone));
        return Offset.from(List.of(time));
    }

    /** A query or table the source cannot read is a fault of the record's field, not of "reading the offset". */
    private List<TableInfo.Column> sourceColumns(TableInspector inspector, Connection c, String relation) {
        try {
            return inspector.columns(c, relation);
        } catch (SQLException e) {
            if (runtime.sync().source().hasQuery()) {
                throw new SyncException("source_connector.query", "the query fails: " + Errors.firstLine(e), e);
            }
            throw new SyncException("source_connector.table", "cannot read table '" + runtime.sync().source().table()
                    + "': " + Errors.firstLine(e), e);
        }
    }

    private TableInfo prepare(DestinationTable table, Connection c) {
        try {
            return table.prepare(c);
        } catch (SQLException e) {
            throw new SyncException("destination_connector.table", "cannot inspect table '"
                    + runtime.sync().destination().table() + "': " + Errors.firstLine(e), e);
        }
    }

    /**
     * MySQL's ON DUPLICATE KEY UPDATE fires on any unique index, not only the key: a source row clashing with another
     * destination row on such an index would be skipped (Insert) or would overwrite that row (Upsert). PostgreSQL
     * fails the batch instead, so it needs no warning.
     */
    private void warnAboutOtherUniqueKeys(Dialect dst, TableInfo destination, List<String> keys) {
        Set<String> key = Set.copyOf(keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
        List<Set<String>> others = destination.uniqueKeys().stream().filter(u -> !u.equals(key)).toList();
        if (dst.conflictsOnAnyUniqueKey() && !others.isEmpty()) {
            LOG.warn("sync '{}': destination table '{}' has unique indexes on {} besides the key {}: a source row that"
                    + " clashes on one of them would be skipped or would overwrite another row", runtime.sync().name(),
                    destination.name(), others, keys);
        }
    }

    private static String cursorPath(Sync sync, String connector, int index) {
        return sync.mode().usesTimestamp() && index == 0 ? connector + ".timestamp_field" : connector + ".id";
    }

    private static int indexOf(List<String> columns, String wanted) {
        int exact = columns.indexOf(wanted);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private Connection connect(DataSource pool, String connector) {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new SyncException(connector + ".connection_string", "cannot connect to "
                    + (connector.startsWith("source") ? runtime.sourceTarget() : runtime.destinationTarget())
                    + ": " + Errors.firstLine(e), e);
        }
    }
}
