package io.idra.ops;

import io.idra.cursor.Offset;
import io.idra.dialect.TableInfo;
import io.idra.ops.OffsetText.Kind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offsets typed by people: parsed into the cursor columns' Java types, and shown in the same form. */
class OffsetTextTest {

    private static final LocalDateTime T = LocalDateTime.parse("2024-05-01T10:00:00.123456");

    @Test
    void aSingleColumnCursorTakesThePlainValueAndMeansAfterIt() {
        Offset offset = OffsetText.parse(" 42 ", List.of("id"), List.of(Kind.INTEGER));
        assertThat(offset).isEqualTo(Offset.after(List.of(42L)));
        assertThat(OffsetText.format(offset)).isEqualTo("42");
    }

    @Test
    void aCompoundCursorTakesAJsonArrayOfAllItsColumns() {
        Offset offset = OffsetText.parse("[\"2024-05-01T10:00:00.123456\", 42]", List.of("ts", "id"),
                List.of(Kind.TIMESTAMP, Kind.INTEGER));
        assertThat(offset).isEqualTo(Offset.after(List.of(T, 42L)));
        assertThat(OffsetText.format(offset)).isEqualTo("[\"2024-05-01T10:00:00.123456\",42]");
        assertThat(OffsetText.parse(OffsetText.format(offset), List.of("ts", "id"),
                List.of(Kind.TIMESTAMP, Kind.INTEGER))).isEqualTo(offset);
    }

    @Test
    void theTimestampAloneOfACompoundCursorMeansFromThatTimeOn() {
        Offset offset = OffsetText.parse("2024-05-01 10:00:00.123456", List.of("ts", "id"),
                List.of(Kind.TIMESTAMP, Kind.INTEGER));
        assertThat(offset).isEqualTo(Offset.from(List.of(T)));
        assertThat(OffsetText.format(offset)).isEqualTo("2024-05-01T10:00:00.123456");
    }

    @Test
    void timestampsKeepWholeSecondsAndTheirZone() {
        assertThat(OffsetText.format(Offset.after(List.of(LocalDateTime.parse("2024-05-01T10:00")))))
                .isEqualTo("2024-05-01T10:00:00");
        Offset zoned = OffsetText.parse("2024-05-01T10:00:00+02:00", List.of("ts"), List.of(Kind.TIMESTAMPTZ));
        assertThat(zoned.values()).containsExactly(OffsetDateTime.parse("2024-05-01T10:00:00+02:00"));
    }

    @Test
    void everyKindParsesIntoTheTypeItsColumnIsReadAs() {
        List<String> columns = List.of("a", "b", "c", "d", "e", "f");
        Offset offset = OffsetText.parse("[\"12.50\", \"x y\", \"2024-01-02\", \"0f8fad5b-d9cb-469f-a165-70867728950e\","
                + " true, 1.5]", columns, List.of(Kind.DECIMAL, Kind.TEXT, Kind.DATE, Kind.UUID, Kind.BOOLEAN, Kind.DOUBLE));
        assertThat(offset.values()).containsExactly(new BigDecimal("12.50"), "x y", LocalDate.parse("2024-01-02"),
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), true, 1.5);
        assertThat(OffsetText.format(offset))
                .isEqualTo("[12.50,\"x y\",\"2024-01-02\",\"0f8fad5b-d9cb-469f-a165-70867728950e\",true,1.5]");
    }

    @Test
    void mistakesSayWhatWasExpected() {
        assertThatThrownBy(() -> OffsetText.parse("abc", List.of("id"), List.of(Kind.INTEGER)))
                .hasMessage("column id: \"abc\" is not an integer");
        assertThatThrownBy(() -> OffsetText.parse("[1, 2, 3]", List.of("ts", "id"),
                List.of(Kind.TIMESTAMP, Kind.INTEGER)))
                .hasMessageStartingWith("expected a JSON array of up to 2 values for [ts, id]").hasMessageEndingWith("got 3 values");
        assertThatThrownBy(() -> OffsetText.parse("[\"2024-05-01\", 1]", List.of("ts", "id"),
                List.of(Kind.TIMESTAMP, Kind.INTEGER)))
                .hasMessage("column ts: \"2024-05-01\" is not a timestamp like 2024-05-01T10:00:00.123456");
        assertThatThrownBy(() -> OffsetText.parse(" ", List.of("id"), List.of(Kind.INTEGER)))
                .hasMessage("no offset given; expected one value for column id");
        assertThatThrownBy(() -> OffsetText.parse("[1, null]", List.of("a", "b"), List.of(Kind.INTEGER, Kind.INTEGER)))
                .hasMessageStartingWith("value 2 is null");
        assertThatThrownBy(() -> OffsetText.parse("[1,", List.of("a", "b"), List.of(Kind.INTEGER, Kind.INTEGER)))
                .hasMessageStartingWith("not a JSON array");
        assertThatThrownBy(() -> OffsetText.parse("maybe", List.of("f"), List.of(Kind.BOOLEAN)))
                .hasMessage("column f: \"maybe\" is not true or false");
    }

    @Test
    void columnTypesMapToTheKindsTheDialectsReadThemAs() {
        assertThat(OffsetText.kindOf(column(Types.INTEGER, "int4", true), false)).isEqualTo(Kind.INTEGER);
        assertThat(OffsetText.kindOf(column(Types.BIGINT, "BIGINT UNSIGNED", false), false)).isEqualTo(Kind.DECIMAL);
        assertThat(OffsetText.kindOf(column(Types.NUMERIC, "numeric", true), false)).isEqualTo(Kind.DECIMAL);
        assertThat(OffsetText.kindOf(column(Types.TIMESTAMP, "timestamptz", true), false)).isEqualTo(Kind.TIMESTAMPTZ);
        assertThat(OffsetText.kindOf(column(Types.TIMESTAMP, "DATETIME", true), false)).isEqualTo(Kind.TIMESTAMP);
        assertThat(OffsetText.kindOf(column(Types.VARCHAR, "varchar", true), true)).isEqualTo(Kind.TIMESTAMP);
        assertThat(OffsetText.kindOf(column(Types.VARCHAR, "varchar", true), false)).isEqualTo(Kind.TEXT);
        assertThat(OffsetText.kindOf(column(Types.OTHER, "uuid", true), false)).isEqualTo(Kind.UUID);
        assertThat(OffsetText.kindOf(column(Types.DATE, "YEAR", true), false)).isEqualTo(Kind.INTEGER);
        assertThat(OffsetText.kindOf(column(Types.DATE, "date", true), false)).isEqualTo(Kind.DATE);
    }

    private static TableInfo.Column column(int jdbcType, String typeName, boolean signed) {
        return new TableInfo.Column("c", jdbcType, typeName, 10, 0, signed);
    }
}
