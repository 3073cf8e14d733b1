package io.idra.cursor;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Go time layout ({@code timestamp_field_format}, e.g. {@code 2006-01-02 15:04:05.000000}) of a text column used
 * as a timestamp cursor. The layout is translated, never ignored: text such as {@code 02 Jan 2006} does not sort by
 * time, so the cursor compares the parsed value, in SQL (each dialect renders {@link #elements()}) and in Java
 * ({@link #parse}). Supported: 2006 01 02 15 04 05 Jan, fractions .0…/.9… up to 6 digits, and literal text.
 */
public final class GoLayout {

    public enum Field { YEAR, MONTH, MONTH_NAME, DAY, HOUR, MINUTE, SECOND }

    public record Fraction(int digits, boolean optional) {
    }

    public record Literal(String text) {
    }

    private static final String[][] FIELDS = {
        {"2006", "YEAR"}, {"Jan", "MONTH_NAME"}, {"01", "MONTH"}, {"02", "DAY"}, {"15", "HOUR"}, {"04", "MINUTE"},
        {"05", "SECOND"}};

    private final String layout;
    private final List<Object> elements;
    private final DateTimeFormatter formatter;

    private GoLayout(String layout, List<Object> elements) {
        this.layout = layout;
        this.elements = List.copyOf(elements);
        this.formatter = formatter(this.elements);
    }

    /**
     * @throws IllegalArgumentException naming the first element this product cannot translate
     */
    public static GoLayout of(String layout) {
        List<Object> elements = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        scan:
        while (i < layout.length()) {
            for (String[] field : FIELDS) {
                if (layout.startsWith(field[0], i)) {
                    flush(literal, elements);
                    elements.add(Field.valueOf(field[1]));
                    i += field[0].length();
                    continue scan;
                }
            }
            char c = layout.charAt(i);
            if ((c == '.' || c == ',') && i + 1 < layout.length()
                    && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
                char digit = layout.charAt(i + 1);
                int end = i + 1;
                while (end < layout.length() && layout.charAt(end) == digit) {
                    end++;
                }
                int digits = end - i - 1;
                if (digits > 6) {
                    throw new IllegalArgumentException("fractions finer than microseconds (" + layout.substring(i, end)
                            + ") are not supported");
                }
                flush(literal, elements);
                literal.append(c);
                flush(literal, elements);
                elements.add(new Fraction(digits, digit == '9'));
                i = end;
                continue;
            }
            String unsupported = unsupportedAt(layout, i);
            if (unsupported != null) {
                throw new IllegalArgumentException("layout element '" + unsupported + "' is not supported (supported:"
                        + " 2006 01 02 15 04 05 Jan .000000 .999999 and literal text)");
            }
            literal.append(c);
            i++;
        }
        flush(literal, elements);
        if (!elements.contains(Field.YEAR) || !(elements.contains(Field.MONTH) || elements.contains(Field.MONTH_NAME))
                || !elements.contains(Field.DAY)) {
            throw new IllegalArgumentException("the layout needs a year (2006), a month (01 or Jan) and a day (02)");
        }
        return new GoLayout(layout, elements);
    }

    /** Go elements we do not translate: unpadded or 12-hour numbers, weekdays, zones. */
    private static String unsupportedAt(String layout, int i) {
        for (String element : List.of("January", "Monday", "Mon", "MST", "PM", "pm", "Z07:00", "Z0700", "-07:00",
                "-0700", "-07", "_2", "002", "06", "03")) {
            if (layout.startsWith(element, i)) {
                return element;
            }
        }
        char c = layout.charAt(i);
        return Character.isDigit(c) ? String.valueOf(c) : null;
    }

    private static void flush(StringBuilder literal, List<Object> elements) {
        if (!literal.isEmpty()) {
            elements.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** {@link Field}, {@link Fraction} and {@link Literal} values in layout order. */
    public List<Object> elements() {
        return elements;
    }

    /** Parses a column value written in this layout. */
    public LocalDateTime parse(String text) {
        try {
            return LocalDateTime.parse(text.strip(), formatter);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' does not match the layout '" + layout + "'", e);
        }
    }

    private static DateTimeFormatter formatter(List<Object> elements) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        for (Object e : elements) {
            if (e instanceof Literal literal) {
                b.appendLiteral(literal.text());
            } else if (e instanceof Fraction fraction) {
                b.appendFraction(ChronoField.NANO_OF_SECOND, fraction.optional() ? 0 : fraction.digits(),
                        fraction.digits(), false);
            } else {
                switch ((Field) e) {
                    case YEAR -> b.appendValue(ChronoField.YEAR, 4);
                    case MONTH -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
                    case MONTH_NAME -> b.appendPattern("MMM");
                    case DAY -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
                    case HOUR -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
                    case MINUTE -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                    case SECOND -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                    default -> throw new IllegalStateException(e.toString());
                }
            }
        }
        return b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return layout;
    }
}
