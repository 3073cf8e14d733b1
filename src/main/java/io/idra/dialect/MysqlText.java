package io.idra.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Values as the text MySQL's {@code LOAD DATA} reads into the staging table. Its columns are all text, so the load
 * itself never converts (with LOCAL it would turn conversion errors into warnings and store clipped values); the
 * conversion into the destination's types happens in the {@code INSERT ... SELECT}, under the session's sql_mode as
 * for the JDBC batch, whose values Connector/J also sends as text. Bytes travel as hex, undone by UNHEX.
 */
final class MysqlText {

    /** How a destination column is staged: the encoder of its values and the SELECT expression that reads them. */
    enum Staged {
        /** Text and numbers, read as they are. */
        TEXT(MysqlText::text),
        /** Bytes (BINARY, VARBINARY, BLOBs, BIT(n > 1), spatial types) as hex. */
        HEX(MysqlText::hex),
        /** TINYINT(1) and BIT(1), which the driver cannot tell apart: 0 or 1 as a number fits both. */
        FLAG(MysqlText::flag);

        final FieldEncoder encoder;

        Staged(FieldEncoder encoder) {
            this.encoder = encoder;
        }

        /** The expression of the staging column {@code ref} that gives the destination column its value. */
        String select(String ref) {
            return switch (this) {
                case TEXT -> ref;
                case HEX -> "UNHEX(" + ref + ")";
                case FLAG -> "CAST(" + ref + " AS UNSIGNED)";
            };
        }
    }

    private MysqlText() {
    }

    static Staged staged(ColumnType.Kind destinationKind) {
        return destinationKind == ColumnType.Kind.BINARY ? Staged.HEX
                : destinationKind == ColumnType.Kind.BOOLEAN ? Staged.FLAG : Staged.TEXT;
    }

    /**
     * Date-times, times, zero dates, floats, UUIDs and unsigned BIGINTs arrive as the text or number
     * {@link MysqlDialect#bindable} made of them for Connector/J.
     */
    static void text(TextBuffer out, Object value) {
        if (value instanceof String text) {
            out.text(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.integer(((Number) value).longValue());
        } else if (value instanceof BigInteger) {
            out.ascii(value.toString());
        } else if (value instanceof BigDecimal decimal) {
            out.ascii(decimal.toPlainString());
        } else if (value instanceof Double d) {
            // Connector/J's text for a double: the shortest that reads back as the same double
            out.ascii(Double.toString(d));
        } else if (value instanceof LocalDate date) {
            // years 1 to 9999 only (value checks): always yyyy-MM-dd
            out.ascii(date.toString());
        } else {
            throw FieldEncoder.unexpected(value);
        }
    }

    static void hex(TextBuffer out, Object value) {
        if (value instanceof byte[] bytes) {
            out.hex(bytes);
        } else if (value instanceof String text) {
            // text into a byte column: its UTF-8 bytes, as Connector/J sends a string
            out.hex(text.getBytes(StandardCharsets.UTF_8));
        } else {
            throw FieldEncoder.unexpected(value);
        }
    }

    static void flag(TextBuffer out, Object value) {
        if (value instanceof Boolean b) {
            out.ascii(b ? "1" : "0");
        } else {
            throw FieldEncoder.unexpected(value);
        }
    }
}
