package io.idra.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentTest {

    @Test
    void decodesUtf8AndPlusOnlyWhenAsked() {
        assertThat(Percent.decode("caf%C3%A9+%2B%20x", false, "bad")).isEqualTo("café++ x");
        assertThat(Percent.decode("caf%C3%A9+%2B%20x", true, "bad")).isEqualTo("café + x");
        assertThat(Percent.decode("città", true, "bad")).isEqualTo("città");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "%zz", "a%g1", "%C3"})
    void badEncodingThrowsTheGivenMessageOnly(String text) {
        assertThatThrownBy(() -> Percent.decode(text, false, "bad encoding"))
                .isInstanceOf(InvalidConnectionStringException.class)
                .hasMessage("bad encoding");
    }

    @Test
    void encodesAllButUnreservedCharacters() {
        assertThat(Percent.encode("my db+é/x~y_z-1.2")).isEqualTo("my%20db%2B%C3%A9%2Fx~y_z-1.2");
    }
}
