package io.idra.route;

import io.idra.connect.Pools;
import io.idra.dialect.ColumnDefinition;
import io.idra.dialect.ColumnType;
import io.idra.dialect.Dialect;
import io.idra.dialect.Identifier;
import io.idra.dialect.TableInfo;
import io.idra.dialect.TableInspector;
import io.idra.model.Attributes;
import io.idra.model.Connector;
import io.idra.model.Sync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Makes sure the destination table has every source column before a row is written: a missing table is created
 * from the source's columns with the key as its primary key (attribute {@code create_table}, default true), and
 * missing columns are added when the attribute {@code add_missing_columns} is "true", else reported.
 */
final class DestinationTable {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private final SyncRuntime runtime;
    private final Identifier sourceTable;
    private final List<TableInfo.Column> sourceColumns;

    /**
     * @param sourceTable   the source table, or null when the sync reads a custom query
     * @param sourceColumns the columns the sync copies
     */
    DestinationTable(SyncRuntime runtime, Identifier sourceTable, List<TableInfo.Column> sourceColumns) {
        this.runtime = runtime;
        this.sourceTable = sourceTable;
        this.sourceColumns = sourceColumns;
    }

    /** The destination table, created or completed as the attributes allow, with every source column. */
    TableInfo prepare(Connection c) throws SQLException {
        Sync sync = runtime.sync();
        Dialect dst = runtime.destinationDialect();
        TableInspector inspector = new TableInspector(dst);
        Identifier wanted = Identifier.table(sync.destination().table());
        Identifier table = inspector.resolve(c, wanted).orElse(null);
        if (table == null) {
            if (!flag(sync.destination(), Attributes.CREATE_TABLE, true)) {
                throw new SyncException("destination_connector.table", "table '" + sync.destination().table()
                        + "' does not exist in " + runtime.destinationTarget()
                        + " (the destination attribute create_table is \"false\")");
            }
            execute(c, dst.createTable(wanted, definitions(sourceColumns), keyColumns()),
                    "create table '" + wanted + "'");
            LOG.info("sync '{}': created destination table '{}' with the source's {} columns", sync.name(), wanted,
                    sourceColumns.size());
            table = inspector.resolve(c, wanted).orElseThrow();
        }
        TableInfo info = inspector.inspect(c, table);
        List<TableInfo.Column> missing = sourceColumns.stream().filter(s -> info.column(s.name()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return info;
        }
        List<String> names = missing.stream().map(TableInfo.Column::name).toList();
        if (!flag(sync.destination(), Attributes.ADD_MISSING_COLUMNS, false)) {
            throw new SyncException("destination_connector.table", "destination table '" + info.name()
                    + "' lacks the source column(s) " + String.join(", ", names) + "; add them, or set the destination"
                    + " attribute add_missing_columns to \"true\" to have them added");
        }
        execute(c, dst.addColumns(info.name(), definitions(missing)),
                "add columns " + names + " to '" + info.name() + "'");
        LOG.info("sync '{}': added column(s) {} to destination table '{}'", sync.name(), names, info.name());
        return inspector.inspect(c, table);
    }

    /** The key as the source spells it: the created table's columns take the source's names. */
    private List<String> keyColumns() {
        List<String> keys = new ArrayList<>();
        for (String key : runtime.sync().destination().keyColumns()) {
            keys.add(sourceColumns.stream().map(TableInfo.Column::name).filter(key::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> new SyncException("destination_connector.id", "key column '" + key
                            + "' is not among the source columns " + sourceColumns.stream()
                                    .map(TableInfo.Column::name).collect(Collectors.joining(", ", "[", "]"))
                            + ", so the destination table cannot be created with it as its primary key")));
        }
        return keys;
    }

    /** The source's types for {@code columns}, read from the source catalog. */
    private List<ColumnDefinition> definitions(List<TableInfo.Column> columns) throws SQLException {
        List<ColumnType> types;
        try (Connection source = runtime.sourcePool().getConnection()) {
            types = runtime.sourceDialect().columnTypes(source, sourceTable, sourceColumns);
            Pools.endRead(source);
        }
        List<ColumnDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            if (columns.contains(sourceColumns.get(i))) {
                definitions.add(new ColumnDefinition(sourceColumns.get(i).name(), types.get(i)));
            }
        }
        return definitions;
    }

    /** DDL commits on its own on MySQL; on PostgreSQL the statements commit together. */
    private static void execute(Connection c, List<String> statements, String what) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SyncException("destination_connector.table", "cannot " + what + ": " + Errors.firstLine(e), e);
        }
    }

    private static boolean flag(Connector connector, String attribute, boolean absent) {
        String value = connector.attributes().getOrDefault(attribute, "").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> absent;
            case "true" -> true;
            case "false" -> false;
            default -> throw new SyncException("destination_connector.attributes." + attribute,
                    "expected \"true\" or \"false\", got \"" + connector.attributes().get(attribute) + "\"");
        };
    }
}
