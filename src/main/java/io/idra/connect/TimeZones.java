package io.idra.connect;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Checks time zone names from connection strings against the zones Java knows. */
final class TimeZones {

    private TimeZones() {
    }

    /**
     * The zone id for {@code name}: the name itself when Java accepts it (IANA names and offsets like +01:00),
     * else the IANA name matching it ignoring case, because PostgreSQL and MySQL accept {@code europe/rome}.
     */
    static Optional<String> canonical(String name) {
        try {
            ZoneId.of(name);
            return Optional.of(name);
        } catch (DateTimeException e) {
            return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(name)).findFirst();
        }
    }
}
