package io.idra.cursor;

import java.util.List;

/**
 * Where a sync stands: the cursor values of the last row copied (or a lower bound), compared with the leading
 * {@code values.size()} cursor columns. Immutable; it is saved only after the destination committed the rows it
 * describes.
 *
 * @param values    cursor values in cursor-column order, never null elements (timestamp first in timestamp modes)
 * @param inclusive true when rows equal to the offset must be read again (the destination's MAX timestamp, whose
 *                  ties may not all have arrived yet; a start_offset time); false for "the last row copied"
 */
public record Offset(List<Object> values, boolean inclusive) {

    public Offset {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an offset needs at least one value");
        }
        values = List.copyOf(values);
    }

    public static Offset after(List<Object> values) {
        return new Offset(values, false);
    }

    public static Offset from(List<Object> values) {
        return new Offset(values, true);
    }

    @Override
    public String toString() {
        return (inclusive ? ">= " : "> ") + (values.size() == 1 ? String.valueOf(values.get(0)) : values.toString());
    }
}
