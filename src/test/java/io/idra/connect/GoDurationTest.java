package io.idra.connect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0", "5s, 5000", "500ms, 500", "1m30s, 90000", "1h, 3600000", "1.5s, 1500", ".5s, 500",
            "+2s, 2000", "1h1m1s1ms, 3661001", "100us, 1", "1µs, 1", "1μs, 1", "1ns, 1", "0s, 0", "2.s, 2000"})
    void millisecondsRoundedUp(String text, long millis) {
        assertThat(GoDuration.toMillis(text)).hasValue(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "s", ".s", "5x", "-5s", "5 s", "1d", "1000h", "5s ", "1..5s"})
    void notADuration(String text) {
        assertThat(GoDuration.toMillis(text)).isEmpty();
    }
}
