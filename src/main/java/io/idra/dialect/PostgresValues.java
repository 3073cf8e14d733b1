package io.idra.dialect;

import java.math.BigInteger;
import java.sql.Types;
import java.time.Duration;

/** What PostgreSQL columns can hold, and the conversions its driver needs (docs/TYPES.md). */
final class PostgresValues {

    /** PostgreSQL's longest varchar; unbounded text reports a larger length. */
    private static final int MAX_VARCHAR = 10_485_760;

    private PostgresValues() {
    }

    static Dialect.ValueWriter check(TableInfo.Column target) {
        int p = target.precision();
        return switch (target.jdbcType()) {
            case Types.SMALLINT -> ValueChecks.integer("smallint", BigInteger.valueOf(Short.MIN_VALUE),
                    BigInteger.valueOf(Short.MAX_VALUE));
            case Types.INTEGER -> ValueChecks.integer("integer", BigInteger.valueOf(Integer.MIN_VALUE),
                    BigInteger.valueOf(Integer.MAX_VALUE));
            case Types.BIGINT -> ValueChecks.integer("bigint", BigInteger.valueOf(Long.MIN_VALUE),
                    BigInteger.valueOf(Long.MAX_VALUE));
            // an unconstrained numeric reports precision 0
            case Types.NUMERIC, Types.DECIMAL -> p > 0
                    ? ValueChecks.decimal("numeric(" + p + "," + target.scale() + ")", p, target.scale(), true)
                    : ValueChecks.none();
            case Types.REAL -> ValueChecks.floating("real", true, true);
            case Types.CHAR, Types.VARCHAR -> p > 0 && p <= MAX_VARCHAR
                    ? ValueChecks.text(target.typeName() + "(" + p + ")", p) : ValueChecks.none();
            case Types.TIME -> PostgresValues::timeOfDay;
            default -> ValueChecks.none();
        };
    }

    private static Object timeOfDay(Object value) {
        if (value instanceof Duration d && !TimeValues.isTimeOfDay(d)) {
            throw new ValueNotStorable("time " + TimeValues.format(d) + " is not a time of day as PostgreSQL's time"
                    + " holds (00:00:00 to 24:00:00); an interval column holds it");
        }
        return value;
    }

    /**
     * PostgreSQL refuses a NUL character in any text value, so such text fails its row (docs/TYPES.md); a MySQL
     * zero date has no PostgreSQL value and is stored as NULL; times beyond a day are bound as text, which both
     * time (24:00:00) and interval columns read.
     */
    static Object convert(Object value) {
        if (value instanceof String text && text.indexOf('\0') >= 0
                || value instanceof UndecodedText undecoded && undecoded.hasNul()) {
            throw new ValueNotStorable("text contains a NUL character (0x00), which PostgreSQL cannot store");
        }
        if (value instanceof ZeroDate zero) {
            return new StoredAsNull("MySQL zero date '" + zero.text() + "' has no PostgreSQL value");
        }
        if (value instanceof Duration duration) {
            return TimeValues.format(duration);
        }
        return value;
    }
}
