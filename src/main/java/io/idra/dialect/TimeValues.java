package io.idra.dialect;

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

    /** {@code [-]H+:MM:SS[.fraction]} as a LocalTime when it is a time of day, else as a Duration. */
    static Object parse(String text) {
        boolean negative = text.startsWith("-");
        String[] parts = (negative ? text.substring(1) : text).split(":");
        String[] seconds = parts[2].split("\\.");
        long nanos = seconds.length == 1 ? 0 : Long.parseLong((seconds[1] + "000000000").substring(0, 9));
        Duration duration = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(seconds[0])).plusNanos(nanos);
        if (negative) {
            duration = duration.negated();
        }
        return duration.isNegative() || duration.compareTo(DAY) >= 0 ? duration : LocalTime.ofNanoOfDay(duration.toNanos());
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
