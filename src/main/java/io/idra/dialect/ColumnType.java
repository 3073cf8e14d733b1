package io.idra.dialect;

import io.idra.model.ConnectorType;

import java.util.List;

/**
 * A source column's type in engine-neutral terms, from which a destination dialect writes its own column type when
 * it creates a table or adds a column (docs/TYPES.md has the mapping table).
 *
 * @param kind     the logical type
 * @param length   characters of CHAR/VARCHAR, bytes of a bounded BINARY, digits of DECIMAL; 0 when unbounded
 * @param scale    fraction digits of DECIMAL, TIME, TIMESTAMP and TIMESTAMPTZ
 * @param unsigned a MySQL UNSIGNED integer (PostgreSQL gets the next wider type)
 * @param labels   the values of an ENUM, in order
 * @param name     the type's name on its own engine: the enum type of PostgreSQL, or the exact declaration used
 *                 verbatim when source and destination are the same engine (OTHER types, MySQL column types)
 * @param engine   the engine the column comes from
 */
public record ColumnType(Kind kind, int length, int scale, boolean unsigned, List<String> labels, String name,
                         ConnectorType engine) {

    /** The logical types both engines have a natural column type for; OTHER is anything else. */
    public enum Kind {
        BOOLEAN, TINYINT, SMALLINT, MEDIUMINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE,
        CHAR, VARCHAR, TEXT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, JSON, BINARY, UUID, ENUM, OTHER
    }

    public ColumnType {
        labels = List.copyOf(labels);
    }

    static ColumnType of(Kind kind, ConnectorType engine) {
        return new ColumnType(kind, 0, 0, false, List.of(), null, engine);
    }

    ColumnType withLength(int newLength) {
        return new ColumnType(kind, newLength, scale, unsigned, labels, name, engine);
    }

    ColumnType withScale(int newScale) {
        return new ColumnType(kind, length, newScale, unsigned, labels, name, engine);
    }

    ColumnType unsigned(boolean isUnsigned) {
        return new ColumnType(kind, length, scale, isUnsigned, labels, name, engine);
    }

    ColumnType named(String typeName) {
        return new ColumnType(kind, length, scale, unsigned, labels, typeName, engine);
    }

    ColumnType withLabels(List<String> enumLabels) {
        return new ColumnType(kind, length, scale, unsigned, enumLabels, name, engine);
    }

    /** The exact declaration to reuse on {@code destination}, or null when the type must be mapped. */
    String sameEngineName(ConnectorType destination) {
        return engine == destination ? name : null;
    }
}
