package io.idra.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds tables and their columns and unique keys through JDBC metadata. A name from a record matches the catalog
 * exactly or, failing that, case-insensitively when only one table fits: users write {@code Bimbi} for a table that
 * PostgreSQL folded to {@code bimbi}, and quoting must not turn that into "table not found".
 */
public final class TableInspector {

    private final Dialect dialect;

    public TableInspector(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The table with its catalog case, or empty when it does not exist (or the name is ambiguous). */
    public Optional<Identifier> resolve(Connection c, Identifier wanted) throws SQLException {
        Dialect.TableLocation where = dialect.locate(wanted, c.getCatalog(), c.getSchema());
        DatabaseMetaData meta = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(where.catalog(), where.schema(), null,
                new String[] {"TABLE", "VIEW", "PARTITIONED TABLE", "BASE TABLE", "SYSTEM VERSIONED"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        String name = names.contains(wanted.name()) ? wanted.name() : onlyIgnoringCase(names, wanted.name());
        if (name == null) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(wanted.parts());
        parts.set(parts.size() - 1, name);
        return Optional.of(new Identifier(parts));
    }

    private static String onlyIgnoringCase(List<String> names, String wanted) {
        List<String> matches = names.stream().filter(n -> n.equalsIgnoreCase(wanted)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** Columns of a relation (a table or a subquery) from the metadata of a query that returns no rows. */
    public List<TableInfo.Column> columns(Connection c, String relation) throws SQLException {
        List<TableInfo.Column> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(dialect.describe(relation))) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(new TableInfo.Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i),
                        md.getPrecision(i), md.getScale(i), md.isSigned(i)));
            }
        }
        return columns;
    }

    /** The table's columns and its primary key and unique indexes. */
    public TableInfo inspect(Connection c, Identifier table) throws SQLException {
        List<TableInfo.Column> columns = columns(c, dialect.quote(table));
        Dialect.TableLocation where = dialect.locate(table, c.getCatalog(), c.getSchema());
        DatabaseMetaData meta = c.getMetaData();
        List<Set<String>> keys = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(where.catalog(), where.schema(), where.table())) {
            List<String> pk = new ArrayList<>();
            while (rs.next()) {
                pk.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            if (!pk.isEmpty()) {
                keys.add(Set.copyOf(pk));
            }
        }
        Map<String, List<String>> unique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(where.catalog(), where.schema(), where.table(), true, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null && !rs.getBoolean("NON_UNIQUE")) {
                    unique.computeIfAbsent(index, k -> new ArrayList<>()).add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        unique.values().forEach(cols -> keys.add(Set.copyOf(cols)));
        return new TableInfo(table, columns, keys);
    }
}
