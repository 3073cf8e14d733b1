package io.idra.cursor;

import io.idra.dialect.MysqlDialect;
import io.idra.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoLayoutTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2006-01-02 15:04:05|2024-03-09 07:08:09|2024-03-09T07:08:09",
        "2006-01-02 15:04:05.000000|2024-03-09 07:08:09.000123|2024-03-09T07:08:09.000123",
        "2006-01-02T15:04:05.000|2024-03-09T07:08:09.120|2024-03-09T07:08:09.120",
        "02 Jan 2006 15:04:05|09 Mar 2024 07:08:09|2024-03-09T07:08:09",
        "2006/01/02|2024/03/09|2024-03-09T00:00",
    })
    void parsesValuesInTheLayout(String layout, String text, String expected) {
        assertThat(GoLayout.of(layout).parse(text)).isEqualTo(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2006-1-2|layout element '1' is not supported",
        "Mon, 02 Jan 2006|layout element 'Mon' is not supported",
        "2006-01-02 03:04:05 PM|layout element '03' is not supported",
        "2006-01-02 15:04:05 MST|layout element 'MST' is not supported",
        "2006-01-02 15:04:05.000000000|fractions finer than microseconds (.000000000) are not supported",
        "15:04:05|the layout needs a year (2006), a month (01 or Jan) and a day (02)",
    })
    void rejectsWhatItCannotTranslateWithTheReason(String layout, String message) {
        assertThatThrownBy(() -> GoLayout.of(layout)).hasMessageStartingWith(message);
    }

    @Test
    void textThatDoesNotMatchIsAClearError() {
        assertThatThrownBy(() -> GoLayout.of("2006-01-02").parse("yesterday"))
                .hasMessage("'yesterday' does not match the layout '2006-01-02'");
    }

    @Test
    void dialectsCompareAndOrderByTheParsedValue() {
        GoLayout layout = GoLayout.of("02 Jan 2006 15:04:05.000000");
        LocalDateTime t = LocalDateTime.parse("2024-03-09T07:08:09");
        assertThat(new PostgresDialect().selectAfter("\"t\"", List.of("ts", "id"), layout, Offset.after(List.of(t, 5L)), 0)
                .sql()).isEqualTo("SELECT * FROM \"t\" WHERE (to_timestamp(\"ts\", 'DD Mon YYYY HH24:MI:SS.US')::timestamp,"
                + " \"id\") > (?, ?) ORDER BY to_timestamp(\"ts\", 'DD Mon YYYY HH24:MI:SS.US')::timestamp, \"id\"");
        assertThat(new MysqlDialect().selectMax(io.idra.dialect.Identifier.table("t"), List.of("ts"),
                GoLayout.of("2006-01-02T15:04:05"))).isEqualTo("SELECT MAX(STR_TO_DATE(`ts`, '%Y-%m-%dT%H:%i:%s')) FROM `t`");
        assertThat(new PostgresDialect().selectMax(io.idra.dialect.Identifier.table("t"), List.of("ts"),
                GoLayout.of("2006-01-02T15:04:05"))).isEqualTo(
                "SELECT MAX(to_timestamp(\"ts\", 'YYYY-MM-DD\"T\"HH24:MI:SS')::timestamp) FROM \"t\"");
    }
}
