package io.idra.connect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.ParseDuration} syntax (5s, 500ms, 1m30s, 1.5h), as go-sql-driver reads its timeouts. */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d*)(?:\\.(\\d*))?(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);

    private GoDuration() {
    }

    /**
     * Whole milliseconds, rounded up because the JDBC drivers read 0 as "no timeout" and a 100us timeout must
     * not become that. Empty when the text is not a duration, is negative or exceeds an int of milliseconds.
     */
    static OptionalLong toMillis(String text) {
        String unsigned = text.startsWith("+") ? text.substring(1) : text;
        if (unsigned.equals("0")) {
            return OptionalLong.of(0);
        }
        if (unsigned.isEmpty()) {
            return OptionalLong.empty();
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(unsigned);
        int end = 0;
        while (end < unsigned.length()) {
            if (!part.region(end, unsigned.length()).lookingAt()) {
                return OptionalLong.empty();
            }
            String whole = part.group(1);
            String fraction = part.group(2) == null ? "" : part.group(2);
            if (whole.isEmpty() && fraction.isEmpty()) {
                return OptionalLong.empty();
            }
            BigDecimal number =
                    new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + (fraction.isEmpty() ? "0" : fraction));
            nanos = nanos.add(number.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(3)))));
            end = part.end();
        }
        BigDecimal millis = nanos.divide(NANOS_PER_MILLI, 0, RoundingMode.CEILING);
        if (millis.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(millis.longValueExact());
    }
}
