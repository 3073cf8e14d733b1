package io.idra.dialect;

/**
 * Writes one non-null value of a column as a field of the staging load's text ({@link TextBuffer}), chosen once per
 * destination column. The value has passed the column's {@link Dialect.ValueWriter} already: checks and conversions
 * are those of the JDBC batch, only the transport differs.
 */
@FunctionalInterface
interface FieldEncoder {

    /** @throws IllegalStateException for a value of a class the plan did not expect (a bug, not bad data) */
    void write(TextBuffer out, Object value);

    static IllegalStateException unexpected(Object value) {
        return new IllegalStateException("no bulk-load text for a value of class " + value.getClass().getName()
                + "; set idra.write.bulk=false to write with JDBC batches");
    }
}
