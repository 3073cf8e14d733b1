package io.idra.dialect;

/** A column to create at the destination: its name and the source column's type. */
public record ColumnDefinition(String name, ColumnType type) {
}
