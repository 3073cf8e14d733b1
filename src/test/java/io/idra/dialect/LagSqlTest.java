package io.idra.dialect;

import io.idra.cursor.GoLayout;
import io.idra.cursor.Offset;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL behind a sync's lag: rows past the offset (the cursor's condition, no ORDER BY) and MAX of a column. */
class LagSqlTest {

    private final Dialect pg = new PostgresDialect();
    private final Dialect my = new MysqlDialect();

    @Test
    void rowsPastAnOffsetUseTheCursorCondition() {
        CursorQuery q = pg.countAfter("\"t\"", List.of("id"), Offset.after(List.of(7L)));
        assertThat(q.sql()).isEqualTo("SELECT COUNT(*) FROM \"t\" WHERE \"id\" > ?");
        assertThat(q.params()).containsExactly(7L);
        CursorQuery m = my.countAfter("`t`", List.of("a", "b"), Offset.after(List.of(1L, "x")));
        assertThat(m.sql()).isEqualTo("SELECT COUNT(*) FROM `t` WHERE `a` >= ? AND ((`a` > ?) OR (`a` = ? AND `b` > ?))");
        assertThat(m.params()).containsExactly(1L, 1L, 1L, "x");
    }

    @Test
    void withoutAnOffsetEveryOrderableRowCounts() {
        CursorQuery q = my.countAfter("(SELECT 1 AS id) idra_src", List.of("id"), null);
        assertThat(q.sql()).isEqualTo("SELECT COUNT(*) FROM (SELECT 1 AS id) idra_src WHERE `id` IS NOT NULL");
        assertThat(q.params()).isEmpty();
    }

    @Test
    void aPartialOffsetBoundsItsLeadingColumnsInclusively() {
        LocalDateTime t = LocalDateTime.parse("2024-05-01T10:00:00");
        CursorQuery q = pg.countAfter("\"t\"", List.of("ts", "id"), Offset.from(List.of(t)));
        assertThat(q.sql()).isEqualTo("SELECT COUNT(*) FROM \"t\" WHERE \"ts\" >= ?");
    }

    @Test
    void maxOfAColumnParsesTextTimestampsFirst() {
        assertThat(pg.selectMaxOf("\"t\"", "ts", null)).isEqualTo("SELECT MAX(\"ts\") FROM \"t\"");
        assertThat(my.selectMaxOf("`t`", "ts", GoLayout.of("2006-01-02 15:04:05")))
                .startsWith("SELECT MAX(STR_TO_DATE(`ts`, ").endsWith(")) FROM `t`");
    }
}
