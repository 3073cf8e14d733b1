package io.idra.dialect;

import java.util.Arrays;
import java.util.List;

/**
 * A table ({@code schema.table}) or column name. It is rendered into SQL only by {@link Dialect#quote}, so no name
 * from a record is ever glued into a statement unquoted.
 */
public record Identifier(List<String> parts) {

    public Identifier {
        if (parts.isEmpty() || parts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("empty name part in '" + String.join(".", parts) + "'");
        }
        parts = List.copyOf(parts);
    }

    /** A table name as written in a record: {@code table} or {@code schema.table}. */
    public static Identifier table(String dotted) {
        return new Identifier(Arrays.stream(dotted.trim().split("\\.", -1)).map(String::trim).toList());
    }

    public static Identifier column(String name) {
        return new Identifier(List.of(name));
    }

    /** The last part: the table or column name without its schema. */
    public String name() {
        return parts.get(parts.size() - 1);
    }

    /** The schema (or, on MySQL, database) part of a qualified name, or null. */
    public String qualifier() {
        return parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
