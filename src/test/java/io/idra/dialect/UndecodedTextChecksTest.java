package io.idra.dialect;

import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL text column's value writer gives undecoded text (a MariaDB source's UTF-8 bytes) the checks it gives
 * the decoded String: the same length limit in characters, not bytes, and the same refusal of NUL, with the same
 * messages; and only text columns take it undecoded.
 */
class UndecodedTextChecksTest {

    private static final Dialect PG = Dialects.of(ConnectorType.POSTGRES);
    private static final TableInfo.Column VARCHAR_10 = new TableInfo.Column("v", Types.VARCHAR, "varchar", 10, 0, false);
    private static final TableInfo.Column TEXT =
            new TableInfo.Column("t", Types.VARCHAR, "text", Integer.MAX_VALUE, 0, false);

    private static UndecodedText undecoded(String text) {
        return new UndecodedText(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Object write(TableInfo.Column column, Object value) {
        return PG.writer(column, ZoneOffset.UTC).write(value);
    }

    @Test
    void lengthIsCountedInCharactersAsForTheString() {
        String ten = "é".repeat(9) + "😀";
        assertThat(ten.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(10);
        assertThat(write(VARCHAR_10, undecoded(ten))).isInstanceOf(UndecodedText.class).hasToString(ten);
        assertThat(write(VARCHAR_10, undecoded("abc"))).isInstanceOf(UndecodedText.class);

        String eleven = ten + "a";
        String refusal = messageOf(() -> write(VARCHAR_10, eleven));
        assertThat(refusal).isEqualTo("text of 11 characters is longer than varchar(10) allows");
        assertThat(messageOf(() -> write(VARCHAR_10, undecoded(eleven)))).isEqualTo(refusal);
    }

    /** Counted on the bytes, as the decoder would count them, malformed bytes (each a U+FFFD) included. */
    @Test
    void charactersAreThoseOfTheDecodedString() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(16)];
            random.nextBytes(bytes);
            if (n % 2 == 0) {
                // mostly well-formed: random code points
                bytes = random.ints(random.nextInt(8), 0, 0x110000).filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString().getBytes(StandardCharsets.UTF_8);
            }
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            assertThat(new UndecodedText(bytes).characters()).as("%s", Arrays.toString(bytes))
                    .isEqualTo(decoded.codePointCount(0, decoded.length()));
        }
    }

    @Test
    void nulIsRefusedAsInTheString() {
        String refusal = messageOf(() -> write(TEXT, "a\0b"));
        assertThat(refusal).isEqualTo("text contains a NUL character (0x00), which PostgreSQL cannot store");
        assertThat(messageOf(() -> write(TEXT, undecoded("a\0b")))).isEqualTo(refusal);
        assertThat(messageOf(() -> write(VARCHAR_10, undecoded("\0")))).isEqualTo(refusal);
        assertThat(write(TEXT, undecoded("ñ 漢字"))).isInstanceOf(UndecodedText.class);
    }

    @Test
    void onlyTextColumnsTakeUndecodedText() {
        assertThat(PG.bulkTakesUndecodedText(VARCHAR_10)).isTrue();
        assertThat(PG.bulkTakesUndecodedText(new TableInfo.Column("c", Types.CHAR, "bpchar", 3, 0, false))).isTrue();
        assertThat(PG.bulkTakesUndecodedText(new TableInfo.Column("j", Types.OTHER, "jsonb", 0, 0, false))).isFalse();
        assertThat(PG.bulkTakesUndecodedText(new TableInfo.Column("i", Types.INTEGER, "int4", 10, 0, true))).isFalse();
        assertThat(Dialects.of(ConnectorType.MYSQL).bulkTakesUndecodedText(
                new TableInfo.Column("v", Types.VARCHAR, "VARCHAR", 10, 0, false))).isFalse();
    }

    private static String messageOf(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOf(ValueNotStorable.class);
        try {
            write.run();
            throw new AssertionError("not refused");
        } catch (ValueNotStorable e) {
            return e.getMessage();
        }
    }
}
