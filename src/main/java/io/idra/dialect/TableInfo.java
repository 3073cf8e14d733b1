package io.idra.dialect;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table as the database describes it.
 *
 * @param name       the table name with the exact case the catalog has
 * @param columns    columns in table order
 * @param uniqueKeys column sets of the primary key and every unique index (lower-cased)
 */
public record TableInfo(Identifier name, List<Column> columns, List<Set<String>> uniqueKeys) {

    /**
     * A column as the driver's result metadata describes it.
     *
     * @param precision characters of a text column, digits of a number, as the driver reports them
     * @param scale     fraction digits of a number or a time
     * @param signed    false for MySQL UNSIGNED numbers (and for types that have no sign)
     */
    public record Column(String name, int jdbcType, String typeName, int precision, int scale, boolean signed) {
    }

    public Optional<Column> column(String wanted) {
        return columns.stream().filter(c -> c.name().equals(wanted)).findFirst()
                .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst());
    }

    /** True when a primary key or unique index covers exactly these columns, as ON CONFLICT needs. */
    public boolean hasUniqueKey(List<String> keyColumns) {
        Set<String> wanted = Set.copyOf(keyColumns.stream().map(String::toLowerCase).toList());
        return uniqueKeys.contains(wanted);
    }
}
