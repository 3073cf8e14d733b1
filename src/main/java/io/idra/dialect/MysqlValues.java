package io.idra.dialect;

import java.math.BigInteger;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What MySQL/MariaDB columns can hold, and the conversions Connector/J needs (docs/TYPES.md). */
final class MysqlValues {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final Duration MAX_TIME = Duration.ofHours(838).plusMinutes(59).plusSeconds(59);
    private static final Instant FIRST_TIMESTAMP = Instant.parse("1970-01-01T00:00:01Z");
    private static final Instant LAST_TIMESTAMP = Instant.parse("2038-01-19T03:14:07.999999Z");

    private MysqlValues() {
    }

    /**
     * {@link #DATE_TIME}'s text of a date-time, written digit by digit: every date-time of a copy to MySQL is bound
     * as this text, and DateTimeFormatter was a quarter of the writer's time.
     */
    static String dateTimeText(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return DATE_TIME.format(t);
        }
        char[] c = new char[26];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1000, 6);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static Dialect.ValueWriter check(TableInfo.Column target, ZoneId zone) {
        String type = target.typeName().toUpperCase(Locale.ROOT);
        boolean unsigned = type.endsWith(" UNSIGNED");
        int p = target.precision();
        return switch (target.jdbcType()) {
            case Types.TINYINT -> integer(type, unsigned, 8);
            case Types.SMALLINT -> integer(type, unsigned, 16);
            case Types.INTEGER -> integer(type, unsigned, type.startsWith("MEDIUMINT") ? 24 : 32);
            case Types.BIGINT -> integer(type, unsigned, 64);
            case Types.DECIMAL, Types.NUMERIC ->
                    ValueChecks.decimal("DECIMAL(" + p + "," + target.scale() + ")", p, target.scale(), false);
            case Types.REAL -> ValueChecks.floating("FLOAT", true, false);
            case Types.DOUBLE, Types.FLOAT -> ValueChecks.floating("DOUBLE", false, false);
            case Types.CHAR, Types.VARCHAR -> ValueChecks.text(type + "(" + p + ")", p);
            case Types.DATE -> type.equals("YEAR") ? ValueChecks.none() : value -> dateTime(value, zone);
            case Types.TIMESTAMP -> type.equals("TIMESTAMP") ? value -> timestamp(value, zone)
                    : value -> dateTime(value, zone);
            case Types.TIME -> MysqlValues::time;
            default -> ValueChecks.none();
        };
    }

    /** A MySQL integer of {@code bits} bits, signed or not. */
    private static Dialect.ValueWriter integer(String type, boolean unsigned, int bits) {
        BigInteger span = BigInteger.TWO.pow(unsigned ? bits : bits - 1);
        return unsigned ? ValueChecks.integer(type, BigInteger.ZERO, span.subtract(BigInteger.ONE))
                : ValueChecks.integer(type, span.negate(), span.subtract(BigInteger.ONE));
    }

    /** DATE and DATETIME hold the years 1 to 9999 (and year 0 only as MySQL's zero date). */
    private static Object dateTime(Object value, ZoneId zone) {
        LocalDate date = value instanceof LocalDate d ? d
                : value instanceof LocalDateTime dt ? dt.toLocalDate()
                : value instanceof OffsetDateTime odt ? odt.atZoneSameInstant(zone).toLocalDate() : null;
        if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
            throw new ValueNotStorable(describe(value) + " is outside MySQL's dates (0001-01-01 to 9999-12-31)");
        }
        return value;
    }

    /** TIMESTAMP holds the instants from 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC. */
    private static Object timestamp(Object value, ZoneId zone) {
        Instant instant = value instanceof OffsetDateTime odt ? odt.toInstant()
                : value instanceof LocalDateTime dt ? dt.atZone(zone).toInstant() : null;
        if (instant != null && (instant.isBefore(FIRST_TIMESTAMP) || instant.isAfter(LAST_TIMESTAMP))) {
            throw new ValueNotStorable(describe(value) + " is outside MySQL's TIMESTAMP range"
                    + " (1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC); a DATETIME column holds it");
        }
        return value;
    }

    private static Object time(Object value) {
        if (value instanceof Duration d && d.abs().compareTo(MAX_TIME) > 0) {
            throw new ValueNotStorable("time " + TimeValues.format(d) + " is outside MySQL's TIME range"
                    + " (-838:59:59 to 838:59:59)");
        }
        return value;
    }

    /** PostgreSQL's infinite dates arrive as Java's largest and smallest values. */
    private static String describe(Object value) {
        if (value.equals(LocalDate.MAX) || value.equals(LocalDateTime.MAX) || value.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (value.equals(LocalDate.MIN) || value.equals(LocalDateTime.MIN) || value.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        return value.toString();
    }

    /**
     * Instants become text in the session's zone, with all six fraction digits (Connector/J would cut them on
     * MariaDB, see {@link MysqlDialect#bindable}); zero dates and long times go as the text MySQL printed or reads.
     */
    static Object convert(Object value, ZoneId zone) {
        if (value instanceof OffsetDateTime instant) {
            return dateTimeText(instant.atZoneSameInstant(zone).toLocalDateTime());
        }
        if (value instanceof ZeroDate zero) {
            return zero.text();
        }
        if (value instanceof Duration duration) {
            return TimeValues.format(duration);
        }
        return value;
    }
}
