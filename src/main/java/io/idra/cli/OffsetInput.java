package io.idra.cli;

import io.idra.cursor.Cursor;
import io.idra.cursor.Offset;
import io.idra.model.Sync;
import io.idra.ops.OffsetText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The VALUE of {@code offsets set}, typed as the sync's cursor values are without connecting to its databases: a
 * column keeps the type of the stored offset's value (saved from the column itself); without one, the timestamp
 * of a timestamp mode is a date-time, and a key is an integer when the text reads as one, text otherwise.
 * (JMX's set-offset reads the column types from the source instead: the route is there, with its pools.)
 */
final class OffsetInput {

    private OffsetInput() {
    }

    /** Offsets shown as the CLI takes them: what follows the sign is valid input for {@code offsets set}. */
    static String show(Offset offset) {
        return (offset.inclusive() ? ">= " : "> ") + OffsetText.format(offset);
    }

    /** @throws IllegalArgumentException saying what was expected */
    static Offset parse(Sync sync, String value, Offset stored) {
        List<String> columns = Cursor.of(sync).sourceColumns();
        List<OffsetText.Kind> kinds = new ArrayList<>();
        List<Boolean> guessed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            boolean known = stored != null && i < stored.values().size();
            guessed.add(!known && !(i == 0 && sync.mode().usesTimestamp()));
            kinds.add(known ? kindOf(columns.get(i), stored.values().get(i))
                    : guessed.get(i) ? OffsetText.Kind.TEXT : OffsetText.Kind.TIMESTAMP);
        }
        Offset typed = OffsetText.parse(value, columns, kinds);
        List<Object> values = new ArrayList<>(typed.values());
        for (int i = 0; i < values.size(); i++) {
            if (guessed.get(i)) {
                values.set(i, integerOrText((String) values.get(i)));
            }
        }
        return new Offset(values, typed.inclusive());
    }

    private static Object integerOrText(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static OffsetText.Kind kindOf(String column, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return OffsetText.Kind.INTEGER;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return OffsetText.Kind.DECIMAL;
        }
        if (value instanceof Double || value instanceof Float) {
            return OffsetText.Kind.DOUBLE;
        }
        if (value instanceof String) {
            return OffsetText.Kind.TEXT;
        }
        if (value instanceof LocalDateTime) {
            return OffsetText.Kind.TIMESTAMP;
        }
        if (value instanceof OffsetDateTime) {
            return OffsetText.Kind.TIMESTAMPTZ;
        }
        if (value instanceof LocalDate) {
            return OffsetText.Kind.DATE;
        }
        if (value instanceof UUID) {
            return OffsetText.Kind.UUID;
        }
        if (value instanceof Boolean) {
            return OffsetText.Kind.BOOLEAN;
        }
        throw new IllegalArgumentException("column " + column + " holds " + value.getClass().getSimpleName()
                + " values, which cannot be typed in: use offsets reset");
    }
}
