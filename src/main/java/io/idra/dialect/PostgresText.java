package io.idra.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.UUID;

/**
 * Values as the text PostgreSQL's {@code COPY FROM STDIN} reads into the staging table, whose columns have the
 * destination's own types: each field is parsed by the type's input function, as a value that pgjdbc binds untyped
 * is, and every typed value is spelled so that its input gives what pgjdbc's typed binding gives.
 */
final class PostgresText {

    private PostgresText() {
    }

    /** A new encoder for one column ({@link ColumnEncoder}). */
    static FieldEncoder forColumn() {
        return new ColumnEncoder();
    }

    /**
     * One column's encoder: it finds the branch of {@link #write} for the class of the column's values once, and goes
     * straight to it while the values keep that class, as a column's values nearly always do. The row loop then
     * calls a small method per column instead of the whole of {@link #write}, which the JIT compiled into the loop
     * at length and ran through value by value (docs/PERFORMANCE.md).
     */
    private static final class ColumnEncoder implements FieldEncoder {

        /** Read and replaced whole, so that writer threads sharing the encoder never see half of a choice. */
        private Choice choice = new Choice(Void.class, PostgresText::write);

        @Override
        public void write(TextBuffer out, Object value) {
            Choice current = choice;
            if (value.getClass() != current.type) {
                current = new Choice(value.getClass(), branch(value));
                choice = current;
            }
            current.encoder.write(out, value);
        }

        private record Choice(Class<?> type, FieldEncoder encoder) {
        }
    }

    /** The branch of {@link #write} for the value's class, for the classes most columns carry. */
    private static FieldEncoder branch(Object value) {
        if (value instanceof String) {
            return (out, v) -> out.text((String) v);
        }
        if (value instanceof UndecodedText) {
            return (out, v) -> out.utf8((UndecodedText) v);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return (out, v) -> out.integer(((Number) v).longValue());
        }
        if (value instanceof BigDecimal) {
            return (out, v) -> out.ascii(((BigDecimal) v).toPlainString());
        }
        return PostgresText::write;
    }

    static void write(TextBuffer out, Object value) {
        if (value instanceof String text) {
            out.text(text);
        } else if (value instanceof UndecodedText text) {
            out.utf8(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.integer(((Number) value).longValue());
        } else if (value instanceof BigInteger) {
            out.ascii(value.toString());
        } else if (value instanceof BigDecimal decimal) {
            out.ascii(decimal.toPlainString());
        } else if (value instanceof Double d) {
            // the shortest text that reads back as the same double; NaN and Infinity as PostgreSQL spells them
            out.ascii(Double.toString(d));
        } else if (value instanceof Float f) {
            // the float's exact double value: read into double precision it is what a float4 parameter widens to,
            // read into real it rounds back to the same float
            out.ascii(Double.toString(f.doubleValue()));
        } else if (value instanceof Boolean b) {
            out.ascii(b ? "t" : "f");
        } else if (value instanceof byte[] bytes) {
            // bytea's hex input \x..., its backslash escaped for COPY
            out.ascii("\\\\x");
            out.hex(bytes);
        } else if (value instanceof UUID uuid) {
            out.ascii(uuid.toString());
        } else {
            time(out, value);
        }
    }

    /** Date-times as pgjdbc sends them: microseconds, the era, and Java's extreme values as infinity. */
    private static void time(TextBuffer out, Object value) {
        if (value instanceof LocalDate date) {
            if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
                out.ascii(date.equals(LocalDate.MAX) ? "infinity" : "-infinity");
            } else {
                date(out, date);
                era(out, date);
            }
        } else if (value instanceof LocalDateTime dateTime) {
            if (dateTime.equals(LocalDateTime.MAX) || dateTime.equals(LocalDateTime.MIN)) {
                out.ascii(dateTime.equals(LocalDateTime.MAX) ? "infinity" : "-infinity");
            } else {
                dateTime(out, dateTime);
            }
        } else if (value instanceof OffsetDateTime instant) {
            if (instant.equals(OffsetDateTime.MAX) || instant.equals(OffsetDateTime.MIN)) {
                out.ascii(instant.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity");
            } else {
                // the instant in UTC, so that no offset with seconds (old local mean times) needs spelling
                LocalDateTime utc = instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                date(out, utc.toLocalDate());
                out.ascii(" ");
                time(out, utc.toLocalTime());
                out.ascii("+00");
                era(out, utc.toLocalDate());
            }
        } else if (value instanceof LocalTime time) {
            time(out, time);
        } else {
            throw FieldEncoder.unexpected(value);
        }
    }

    private static void dateTime(TextBuffer out, LocalDateTime dateTime) {
        date(out, dateTime.toLocalDate());
        out.ascii(" ");
        time(out, dateTime.toLocalTime());
        era(out, dateTime.toLocalDate());
    }

    /** The year of the era with at least four digits: 1 BC is Java's year 0. */
    private static void date(TextBuffer out, LocalDate date) {
        out.digits(date.get(ChronoField.YEAR_OF_ERA), 4);
        out.ascii("-");
        out.digits(date.getMonthValue(), 2);
        out.ascii("-");
        out.digits(date.getDayOfMonth(), 2);
    }

    private static void era(TextBuffer out, LocalDate date) {
        if (date.getYear() <= 0) {
            out.ascii(" BC");
        }
    }

    /** All six fraction digits: sources give microseconds at most. */
    private static void time(TextBuffer out, LocalTime time) {
        out.digits(time.getHour(), 2);
        out.ascii(":");
        out.digits(time.getMinute(), 2);
        out.ascii(":");
        out.digits(time.getSecond(), 2);
        out.ascii(".");
        out.digits(time.getNano() / 1000, 6);
    }
}
