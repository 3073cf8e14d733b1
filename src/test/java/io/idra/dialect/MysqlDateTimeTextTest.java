package io.idra.dialect;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written date-time text MySQL destinations are bound with is exactly the formatter's. */
class MysqlDateTimeTextTest {

    @Test
    void writesWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(0, 10_000), random.nextInt(1, 13),
                    random.nextInt(1, 29), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1_000_000_000));
            assertThat(MysqlValues.dateTimeText(t)).isEqualTo(MysqlValues.DATE_TIME.format(t));
        }
    }

    @Test
    void edgesAndYearsBeyondFourDigits() {
        assertThat(MysqlValues.dateTimeText(LocalDateTime.of(1, 1, 1, 0, 0)))
                .isEqualTo("0001-01-01 00:00:00.000000");
        assertThat(MysqlValues.dateTimeText(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)))
                .isEqualTo("9999-12-31 23:59:59.999999");
        assertThat(MysqlValues.dateTimeText(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000)))
                .isEqualTo("2024-05-01 10:00:00.123456");
        LocalDateTime far = LocalDateTime.of(12_345, 1, 1, 0, 0);
        assertThat(MysqlValues.dateTimeText(far)).isEqualTo(MysqlValues.DATE_TIME.format(far));
        LocalDateTime before = LocalDateTime.of(-5, 1, 1, 0, 0);
        assertThat(MysqlValues.dateTimeText(before)).isEqualTo(MysqlValues.DATE_TIME.format(before));
    }
}
