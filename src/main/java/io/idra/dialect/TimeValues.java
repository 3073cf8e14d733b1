package io.idra.dialect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;

/**
 * Times that are not a time of day: MySQL's TIME runs from -838:59:59 to 838:59:59 and PostgreSQL's time has
 * 24:00:00. Such values travel as a {@link Duration}; every value within a day stays a {@link LocalTime}.
 */
final class TimeValues {

    private static final Duration DAY = Duration.ofDays(1);

    private TimeValues() {
    }

    /**
     * A MySQL TIME from the bytes Connector/J holds: the server's text, or (binary protocol, which cursor fetch
     * uses) sign, days, hours, minutes, seconds and microseconds. Connector/J's own getString and getObject drop or
     * garble the sign of negative times in both protocols, so they are decoded here.
     */
    static Object fromMysql(byte[] bytes) {
        if (bytes.length == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (bytes[0] != 0 && bytes[0] != 1) {
            return parse(new String(bytes, StandardCharsets.US_ASCII));
        }
        ByteBuffer binary = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean negative = binary.get() == 1;
        Duration duration = Duration.ofDays(Integer.toUnsignedLong(binary.getInt())).plusHours(binary.get())
                .plusMinutes(binary.get()).plusSeconds(binary.get())
                .plusNanos(binary.remaining() >= 4 ? Integer.toUnsignedLong(binary.getInt()) * 1000 : 0);
        return timeOrDuration(negative ? duration.negated() : duration);
    }

    /** {@code [-]H+:MM:SS[.fraction]} as a LocalTime when it is a time of day, else as a Duration. */
    static Object parse(String text) {
        boolean negative = text.startsWith("-");
        String[] parts = (negative ? text.substring(1) : text).split(":");
        String[] seconds = parts[2].split("\\.");
        long nanos = seconds.length == 1 ? 0 : Long.parseLong((seconds[1] + "000000000").substring(0, 9));
        Duration duration = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(seconds[0])).plusNanos(nanos);
        return timeOrDuration(negative ? duration.negated() : duration);
    }

    private static Object timeOrDuration(Duration duration) {
        return duration.isNegative() || duration.compareTo(DAY) >= 0 ? duration
                : LocalTime.ofNanoOfDay(duration.toNanos());
    }

    /** {@code [-]H:MM:SS.ffffff}, which MySQL's TIME and PostgreSQL's time and interval all read. */
    static String format(Duration duration) {
        Duration abs = duration.abs();
        return String.format("%s%d:%02d:%02d.%06d", duration.isNegative() ? "-" : "", abs.toHours(),
                abs.toMinutesPart(), abs.toSecondsPart(), abs.toNanosPart() / 1000);
    }

    static boolean isTimeOfDay(Duration duration) {
        return !duration.isNegative() && duration.compareTo(DAY) <= 0;
    }
}
