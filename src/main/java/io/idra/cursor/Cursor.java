package io.idra.cursor;

import io.idra.model.Mode;
import io.idra.model.Sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a sync orders the source by and compares the offset with. Timestamp modes order by
 * (timestamp_field, key...) so that rows sharing one timestamp keep a stable order across batches and restarts; id
 * modes by the key alone.
 *
 * @param sourceColumns      cursor columns of the source, in order
 * @param destinationColumns the same cursor columns at the destination (where LastDestination* modes read MAX)
 * @param comparedInDestination how many leading columns a destination MAX covers: LastDestinationTimestamp reads
 *                           MAX(timestamp) alone and re-reads its ties, LastDestinationId reads the whole key
 * @param sourceLayout       Go layout of a text timestamp column at the source (timestamp_field_format), or null
 * @param destinationLayout  the same at the destination, or null
 */
public record Cursor(List<String> sourceColumns, List<String> destinationColumns, int comparedInDestination,
                     GoLayout sourceLayout, GoLayout destinationLayout) {

    public Cursor {
        sourceColumns = List.copyOf(sourceColumns);
        destinationColumns = List.copyOf(destinationColumns);
    }

    public static Cursor of(Sync sync) {
        List<String> source = new ArrayList<>();
        List<String> destination = new ArrayList<>();
        if (sync.mode().usesTimestamp()) {
            source.add(sync.source().timestampField());
            destination.add(destinationTimestampField(sync));
        }
        source.addAll(sync.source().keyColumns());
        destination.addAll(sync.destination().keyColumns());
        int compared = sync.mode() == Mode.LAST_DESTINATION_TIMESTAMP ? 1 : destination.size();
        boolean timestamps = sync.mode().usesTimestamp();
        return new Cursor(source, destination, compared, layout(timestamps, sync.source().timestampFormat()),
                layout(timestamps, sync.destination().timestampFormat()));
    }

    private static GoLayout layout(boolean timestamps, String format) {
        return timestamps && !format.isBlank() ? GoLayout.of(format) : null;
    }

    /** A row's first cursor value as compared: text in a Go layout becomes its timestamp. */
    public Object firstValue(Object value) {
        return sourceLayout != null && value instanceof String text ? sourceLayout.parse(text) : value;
    }

    private static String destinationTimestampField(Sync sync) {
        String field = sync.destination().timestampField();
        return field.isBlank() ? sync.source().timestampField() : field;
    }

    public int size() {
        return sourceColumns.size();
    }

    /** The destination columns whose MAX is the offset of a LastDestination* mode. */
    public List<String> destinationMaxColumns() {
        return destinationColumns.subList(0, comparedInDestination);
    }

    /**
     * The offset read from the destination's MAX(): a LastDestinationTimestamp sync reads that timestamp again
     * (rows sharing it may not all have arrived), a LastDestinationId sync starts after that key.
     */
    public Offset destinationOffset(List<Object> maxValues, Mode mode) {
        return mode == Mode.LAST_DESTINATION_TIMESTAMP ? Offset.from(maxValues) : Offset.after(maxValues);
    }

    /**
     * The offset after a batch: the cursor values of its last row (rows arrive in cursor order). LastDestination*
     * modes keep their offset in the destination, but the same value tells whether a pass made progress.
     */
    public Offset offsetAfter(List<Object> lastRowCursorValues, Mode mode) {
        List<Object> values = new ArrayList<>(lastRowCursorValues);
        values.set(0, firstValue(values.get(0)));
        if (mode == Mode.LAST_DESTINATION_TIMESTAMP) {
            return Offset.from(values.subList(0, 1));
        }
        return Offset.after(values);
    }
}
