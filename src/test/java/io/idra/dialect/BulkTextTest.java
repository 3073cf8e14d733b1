package io.idra.dialect;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text of each value in a bulk load, value by value, as the servers' COPY and LOAD DATA read it. */
class BulkTextTest {

    private static String pg(Object value) {
        return encode(PostgresText.forColumn(), value);
    }

    private static String my(MysqlText.Staged staged, Object value) {
        return encode(staged.encoder, value);
    }

    private static String encode(FieldEncoder encoder, Object value) {
        TextBuffer out = new TextBuffer();
        encoder.write(out, value);
        return text(out);
    }

    private static String text(TextBuffer out) {
        byte[] bytes = new byte[out.available()];
        out.read(bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A column encoder goes straight to the branch for its values' class, and still follows a change of class. */
    @Test
    void aColumnEncoderWritesEveryValueAsTheGenericTextDoes() {
        FieldEncoder column = PostgresText.forColumn();
        Object[] values = {"a\tb", "ü", 7, 8L, 8L, (short) 9, new BigDecimal("1.50"), new BigDecimal("-0E-3"), "again",
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000), LocalDateTime.MAX, 1.5d, 10, "end", true,
                new byte[] {0, 1}, LocalDate.of(-5, 1, 1)};
        for (Object value : values) {
            TextBuffer generic = new TextBuffer();
            PostgresText.write(generic, value);
            assertThat(encode(column, value)).as("%s", value).isEqualTo(text(generic));
        }
    }

    /**
     * Text left undecoded by a MariaDB source is written from its bytes: exactly what its String would give, for
     * well-formed UTF-8 and for every kind of malformed byte the decoder turns into U+FFFD.
     */
    @Test
    void undecodedTextIsWrittenAsItsDecodedStringWouldBe() {
        List<byte[]> cases = new ArrayList<>();
        for (String s : List.of("", "plain", "a\\b\tc\nd\re\0f", "ñ 漢字 😀 \\N", "\u07FF\u0800\uFFFF\uD7FF\uE000",
                "\uDBFF\uDFFF")) {
            cases.add(s.getBytes(StandardCharsets.UTF_8));
        }
        int[][] malformed = {{0x80}, {0xBF, 0x41}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xC2}, {0xC2, 0x41}, {0xE0, 0x80, 0x80},
                {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xE1, 0x80}, {0xF0, 0x80, 0x80, 0x80},
                {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xF0, 0x9F, 0x98},
                {0x41, 0xE2, 0x82}, {0xEF, 0xBF, 0xBD}};
        for (int[] ints : malformed) {
            byte[] bytes = new byte[ints.length + 2];
            bytes[0] = 'x';
            for (int i = 0; i < ints.length; i++) {
                bytes[i + 1] = (byte) ints[i];
            }
            bytes[bytes.length - 1] = '\t';
            cases.add(bytes);
        }
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            cases.add(bytes);
        }
        FieldEncoder column = PostgresText.forColumn();
        for (byte[] bytes : cases) {
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            TextBuffer fromString = new TextBuffer();
            fromString.text(decoded);
            String expected = text(fromString);
            assertThat(encode(column, new UndecodedText(bytes))).as("%s", Arrays.toString(bytes)).isEqualTo(expected);
            assertThat(pg(new UndecodedText(bytes))).as("%s", Arrays.toString(bytes)).isEqualTo(expected);
        }
    }

    @Test
    void textEscapesBackslashTabNewlineCarriageReturnAndNul() {
        assertThat(pg("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(my(MysqlText.Staged.TEXT, "x\0y")).isEqualTo("x\\0y");
        assertThat(pg("it's \"quoted\" `tick` \\N")).isEqualTo("it's \"quoted\" `tick` \\\\N");
        assertThat(pg("")).isEmpty();
    }

    @Test
    void textIsUtf8WithFourByteCharactersAndLoneSurrogatesAsQuestionMarks() {
        String text = "ñ 漢字 😀";
        assertThat(pg(text).getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(pg("a\uD83Db")).isEqualTo("a?b");
        assertThat(pg("a\uDE00")).isEqualTo("a?");
    }

    @Test
    void numbersAsPlainDigits() {
        assertThat(pg(-9223372036854775808L)).isEqualTo("-9223372036854775808");
        assertThat(pg((short) 7)).isEqualTo("7");
        for (long n : new long[] {0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE + 1, 999_999_999_999L, -1_000_000_000_000L}) {
            assertThat(pg(n)).isEqualTo(Long.toString(n));
            assertThat(my(MysqlText.Staged.TEXT, n)).isEqualTo(Long.toString(n));
        }
        assertThat(pg(-42)).isEqualTo("-42");
        assertThat(my(MysqlText.Staged.TEXT, (byte) -128)).isEqualTo("-128");
        assertThat(pg(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(pg(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(my(MysqlText.Staged.TEXT, new BigDecimal("-0.0000000001"))).isEqualTo("-0.0000000001");
    }

    @Test
    void floatsAsTheShortestTextOfTheirExactDouble() {
        assertThat(pg(3.141592653589793)).isEqualTo("3.141592653589793");
        assertThat(pg(-2.2250738585072014E-308)).isEqualTo("-2.2250738585072014E-308");
        assertThat(pg(0.1f)).isEqualTo("0.10000000149011612");
        assertThat(Float.parseFloat(pg(3.4028235e38f))).isEqualTo(3.4028235e38f);
        assertThat(pg(Double.NaN)).isEqualTo("NaN");
        assertThat(pg(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(my(MysqlText.Staged.TEXT, 1.7976931348623157e308)).isEqualTo("1.7976931348623157E308");
    }

    @Test
    void booleansAsEachEngineReadsThem() {
        assertThat(pg(true)).isEqualTo("t");
        assertThat(pg(false)).isEqualTo("f");
        assertThat(my(MysqlText.Staged.FLAG, true)).isEqualTo("1");
        assertThat(my(MysqlText.Staged.FLAG, false)).isEqualTo("0");
    }

    @Test
    void bytesAsHexWithByteaPrefixOnPostgres() {
        assertThat(pg(new byte[] {0, -1, 16})).isEqualTo("\\\\x00ff10");
        assertThat(pg(new byte[0])).isEqualTo("\\\\x");
        assertThat(my(MysqlText.Staged.HEX, new byte[] {0, -1, 16})).isEqualTo("00ff10");
        assertThat(my(MysqlText.Staged.HEX, new byte[0])).isEmpty();
        assertThat(my(MysqlText.Staged.HEX, "é")).isEqualTo("c3a9");
    }

    @Test
    void uuidAsItsCanonicalText() {
        assertThat(pg(UUID.fromString("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void postgresDatesWithEraAndInfinity() {
        assertThat(pg(LocalDate.parse("2024-02-29"))).isEqualTo("2024-02-29");
        assertThat(pg(LocalDate.of(10000, 1, 1))).isEqualTo("10000-01-01");
        assertThat(pg(LocalDate.of(0, 1, 1))).isEqualTo("0001-01-01 BC");
        assertThat(pg(LocalDate.of(-43, 3, 15))).isEqualTo("0044-03-15 BC");
        assertThat(pg(LocalDate.MAX)).isEqualTo("infinity");
        assertThat(pg(LocalDate.MIN)).isEqualTo("-infinity");
    }

    @Test
    void postgresDateTimesWithMicroseconds() {
        assertThat(pg(LocalDateTime.parse("2024-03-31T02:30:00.000001"))).isEqualTo("2024-03-31 02:30:00.000001");
        assertThat(pg(LocalDateTime.parse("0000-12-31T23:59:59"))).isEqualTo("0001-12-31 23:59:59.000000 BC");
        assertThat(pg(LocalDateTime.MAX)).isEqualTo("infinity");
        assertThat(pg(LocalTime.parse("23:59:59.999999"))).isEqualTo("23:59:59.999999");
        assertThat(pg(LocalTime.MIDNIGHT)).isEqualTo("00:00:00.000000");
    }

    @Test
    void postgresInstantsInUtc() {
        assertThat(pg(OffsetDateTime.parse("2024-01-15T10:20:30.123456+05:30")))
                .isEqualTo("2024-01-15 04:50:30.123456+00");
        assertThat(pg(OffsetDateTime.parse("0001-01-01T00:30:00+01:00"))).isEqualTo("0001-12-31 23:30:00.000000+00 BC");
        assertThat(pg(OffsetDateTime.MIN)).isEqualTo("-infinity");
    }

    @Test
    void mysqlDatesAndTextFromTheConvertedValues() {
        assertThat(my(MysqlText.Staged.TEXT, LocalDate.parse("0001-01-01"))).isEqualTo("0001-01-01");
        // date-times, times and zero dates reach the encoder as the text MysqlDialect.bindable made of them
        assertThat(my(MysqlText.Staged.TEXT, "0000-00-00 00:00:00")).isEqualTo("0000-00-00 00:00:00");
    }

    @Test
    void aValueOfAClassThePlanDidNotExpectIsABugNamedWithTheWayOut() {
        assertThatThrownBy(() -> pg(new Object())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.Object").hasMessageContaining("idra.write.bulk=false");
        assertThatThrownBy(() -> my(MysqlText.Staged.FLAG, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> my(MysqlText.Staged.HEX, 1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> my(MysqlText.Staged.TEXT, new byte[1])).isInstanceOf(IllegalStateException.class);
    }
}
