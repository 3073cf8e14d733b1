package io.idra.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;

/**
 * When a destination value equals its source value, per type: each constant reads a column into a value whose
 * {@code equals} is that type's equality, so that reading both sides and comparing them is the whole check.
 */
enum Same {
    /** Integers and decimals: the same number, whatever its scale (1.50 = 1.5). */
    NUMBER {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            BigDecimal d = rs.getBigDecimal(i);
            return d == null ? null : d.stripTrailingZeros().toPlainString();
        }
    },
    /** Single precision: the same float, bit for bit. */
    FLOAT {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            return rs.getFloat(i);
        }
    },
    DOUBLE {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            return rs.getDouble(i);
        }
    },
    BOOLEAN {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            return rs.getBoolean(i);
        }
    },
    /** Exactly the same characters. */
    TEXT {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            return rs.getString(i);
        }
    },
    /** CHAR(n) pads with spaces on PostgreSQL and strips them on MySQL: equal up to trailing spaces, as in SQL. */
    CHAR {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            String text = rs.getString(i);
            return text == null ? null : text.stripTrailing();
        }
    },
    /** Case-insensitive text (a UUID is the same in either case). */
    LOWER {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            String text = rs.getString(i);
            return text == null ? null : text.toLowerCase(Locale.ROOT);
        }
    },
    DATE {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            return rs.getObject(i, LocalDate.class);
        }
    },
    /** The same time to the microsecond, read from its text (MySQL's TIME runs past a day). */
    TIME {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            String text = rs.getString(i);
            return text == null ? null : duration(text);
        }
    },
    /** The same local date and time, to the microsecond. */
    DATE_TIME {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            return rs.getObject(i, LocalDateTime.class);
        }
    },
    /** The same instant, whatever zone each side shows it in. */
    INSTANT {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            OffsetDateTime time = rs.getObject(i, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }
    },
    /** The same JSON document once parsed: key order and spacing do not matter. */
    JSON {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            String text = rs.getString(i);
            try {
                return text == null ? null : MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                return "not JSON: " + text;
            }
        }
    },
    BYTES {
        @Override
        Object value(ResultSet rs, int i) throws SQLException {
            byte[] bytes = rs.getBytes(i);
            return bytes == null ? null : HexFormat.of().formatHex(bytes);
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    abstract Object value(ResultSet rs, int i) throws SQLException;

    /** The column's value, or null for SQL NULL. */
    Object read(ResultSet rs, int i) throws SQLException {
        Object value = value(rs, i);
        return rs.wasNull() ? null : value;
    }

    /** {@code [-]H+:MM:SS[.f]} as a Duration. */
    static Duration duration(String text) {
        boolean negative = text.startsWith("-");
        String[] parts = (negative ? text.substring(1) : text).split(":");
        Duration d = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusNanos(new BigDecimal(parts[2]).movePointRight(9).longValueExact());
        return negative ? d.negated() : d;
    }
}
