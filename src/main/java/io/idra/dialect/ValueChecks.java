package io.idra.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Checks, chosen once per destination column, that a value fits the column before it is bound: a value that does
 * not fit fails the batch with {@link ValueNotStorable} naming the reason, instead of a driver error that names
 * neither the column nor the row (or, on MySQL without strict mode, a silently clipped value).
 */
final class ValueChecks {

    private ValueChecks() {
    }

    /** A whole-number column holding {@code min..max}. */
    static Dialect.ValueWriter integer(String type, BigInteger min, BigInteger max) {
        long low = min.max(BigInteger.valueOf(Long.MIN_VALUE)).longValue();
        long high = max.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        return value -> {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                long v = ((Number) value).longValue();
                if (v < low || v > high) {
                    throw outOfRange(value, type, min + " to " + max);
                }
            } else if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double
                    || value instanceof Float) {
                BigDecimal v = decimal(value, type);
                if (v.compareTo(new BigDecimal(min)) < 0 || v.compareTo(new BigDecimal(max)) > 0) {
                    throw outOfRange(value, type, min + " to " + max);
                }
            }
            return value;
        };
    }

    /**
     * A DECIMAL(precision, scale) column: the value, rounded to the scale as the database rounds it, must have at
     * most {@code precision} digits. Extra fraction digits are rounded, as by any INSERT.
     *
     * @param special whether NaN and infinities are values of the column (PostgreSQL numeric)
     */
    static Dialect.ValueWriter decimal(String type, int precision, int scale, boolean special) {
        return value -> {
            if (value instanceof Number number && !(special && isSpecial(number))) {
                BigDecimal rounded = decimal(value, type).setScale(scale, RoundingMode.HALF_UP);
                if (rounded.precision() > precision && rounded.signum() != 0) {
                    throw outOfRange(value, type, "at most " + (precision - scale) + " digits before the point");
                }
            }
            return value;
        };
    }

    /**
     * A floating-point column.
     *
     * @param single  single precision (its largest value is about 3.4E38)
     * @param special whether NaN and infinities are values of the column (PostgreSQL)
     */
    static Dialect.ValueWriter floating(String type, boolean single, boolean special) {
        return value -> {
            if (value instanceof Number number) {
                if (isSpecial(number)) {
                    if (!special) {
                        throw new ValueNotStorable(number + " cannot be stored in " + type);
                    }
                } else if (single && Math.abs(number.doubleValue()) > Float.MAX_VALUE) {
                    throw outOfRange(value, type, "about -3.4E38 to 3.4E38");
                }
            }
            return value;
        };
    }

    /** A CHAR(n) or VARCHAR(n) column: at most {@code maxChars} characters. */
    static Dialect.ValueWriter text(String type, int maxChars) {
        return value -> {
            int characters = characters(value, maxChars);
            if (characters > maxChars) {
                throw new ValueNotStorable("text of " + characters + " characters is longer than " + type + " allows");
            }
            return value;
        };
    }

    /**
     * The characters (code points) of a text value, counted only when it could have more than {@code limit}: a
     * character is one UTF-16 unit or one byte at least. Undecoded text is counted on its bytes.
     */
    private static int characters(Object value, int limit) {
        if (value instanceof String text) {
            return text.length() <= limit ? 0 : text.codePointCount(0, text.length());
        }
        if (value instanceof UndecodedText undecoded) {
            return undecoded.utf8().length <= limit ? 0 : undecoded.characters();
        }
        return 0;
    }

    static Dialect.ValueWriter none() {
        return value -> value;
    }

    private static boolean isSpecial(Number number) {
        return (number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue());
    }

    private static BigDecimal decimal(Object value, String type) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        Number number = (Number) value;
        if (isSpecial(number)) {
            throw new ValueNotStorable(number + " cannot be stored in " + type);
        }
        return number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
                : BigDecimal.valueOf(number.longValue());
    }

    private static ValueNotStorable outOfRange(Object value, String type, String range) {
        return new ValueNotStorable(plain(value) + " is out of range for " + type + " (" + range + ")");
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
