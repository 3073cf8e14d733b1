package io.idra.state;

import io.idra.cursor.Offset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetCodecTest {

    @Test
    void everyCursorTypeComesBackAsTheSameValue() {
        Offset offset = new Offset(List.of(
                LocalDateTime.parse("2024-05-01T10:00:00.123456"),
                OffsetDateTime.parse("2024-05-01T10:00:00.000001+02:00"),
                42L, new BigDecimal("12345678901234567890.0000000001"), "kéy 😀", LocalDate.parse("2024-02-29"),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), 1.5d, true), false);
        Offset back = OffsetCodec.decode(OffsetCodec.encode(offset));
        assertThat(back).isEqualTo(offset);
        assertThat(((LocalDateTime) back.values().get(0)).getNano()).isEqualTo(123_456_000);
    }

    @Test
    void integersOfAnyWidthAreStoredAsLong() {
        assertThat(OffsetCodec.decode(OffsetCodec.encode(Offset.after(List.of(7)))).values()).containsExactly(7L);
    }

    @Test
    void inclusivenessIsKept() {
        Offset offset = Offset.from(List.of(LocalDateTime.parse("2024-01-01T00:00")));
        assertThat(OffsetCodec.decode(OffsetCodec.encode(offset)).inclusive()).isTrue();
    }

    @Test
    void unreadableTextIsAClearError() {
        assertThatThrownBy(() -> OffsetCodec.decode("{\"values\":[{\"type\":\"blob\",\"value\":\"x\"}]}"))
                .hasMessageContaining("unknown offset value type 'blob'");
    }
}
