package io.idra.dialect;

import io.idra.cursor.Offset;
import io.idra.model.SaveMode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact SQL each dialect writes, without a database. */
class DialectSqlTest {

    private final Dialect pg = new PostgresDialect();
    private final Dialect my = new MysqlDialect();
    private final LocalDateTime t = LocalDateTime.parse("2024-05-01T10:00:00.123456");

    @Test
    void quotesNamesAndDoublesQuoteCharactersInside() {
        assertThat(pg.quote(Identifier.table("sales.Order Items"))).isEqualTo("\"sales\".\"Order Items\"");
        assertThat(my.quote(Identifier.table("sales.Order Items"))).isEqualTo("`sales`.`Order Items`");
        assertThat(pg.quoteColumn("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(my.quoteColumn("we`ird")).isEqualTo("`we``ird`");
        assertThat(pg.quoteColumn("select")).isEqualTo("\"select\"");
    }

    @Test
    void freshSyncReadsEveryOrderableRowInCursorOrder() {
        CursorQuery q = pg.selectAfter(pg.relation(Identifier.table("bimbi"), null), List.of("ts", "id"), null);
        assertThat(q.sql()).isEqualTo(
                "SELECT * FROM \"bimbi\" WHERE \"ts\" IS NOT NULL AND \"id\" IS NOT NULL ORDER BY \"ts\", \"id\"");
        assertThat(q.params()).isEmpty();
    }

    @Test
    void postgresComparesTimestampAndKeyAsARowValue() {
        CursorQuery q = pg.selectAfter("\"t\"", List.of("ts", "id"), Offset.after(List.of(t, 42L)));
        assertThat(q.sql()).isEqualTo("SELECT * FROM \"t\" WHERE (\"ts\", \"id\") > (?, ?) ORDER BY \"ts\", \"id\"");
        assertThat(q.params()).containsExactly(t, 42L);
    }

    @Test
    void mysqlSpellsTheRowComparisonOutWithALeadingRangeOnTheFirstColumn() {
        CursorQuery q = my.selectAfter("`t`", List.of("ts", "id"), Offset.after(List.of(t, 42L)));
        assertThat(q.sql()).isEqualTo("SELECT * FROM `t` WHERE `ts` >= ? AND ((`ts` > ?) OR (`ts` = ? AND `id` > ?))"
                + " ORDER BY `ts`, `id`");
        assertThat(q.params()).containsExactly(t, t, t, 42L);
    }

    @Test
    void anIdleTickAsksForOneRowPastTheOffsetWithTheSameConditionAndOrder() {
        CursorQuery q = pg.existsAfter("\"t\"", List.of("ts", "id"), null, Offset.after(List.of(t, 42L)), 30);
        assertThat(q.sql()).isEqualTo("SELECT 1 FROM \"t\" WHERE (\"ts\", \"id\") > (?, ?)"
                + " AND \"ts\" < CURRENT_TIMESTAMP - ? * INTERVAL '1 second' ORDER BY \"ts\", \"id\" LIMIT 1");
        assertThat(q.params()).containsExactly(t, 42L, 30);
        CursorQuery m = my.existsAfter("`t`", List.of("ts", "id"), null, Offset.after(List.of(t, 42L)), 0);
        assertThat(m.sql()).isEqualTo("SELECT 1 FROM `t` WHERE `ts` >= ? AND ((`ts` > ?) OR (`ts` = ? AND `id` > ?))"
                + " ORDER BY `ts`, `id` LIMIT 1");
        assertThat(m.params()).containsExactly(t, t, t, 42L);
        assertThat(pg.existsAfter("\"t\"", List.of("id"), null, null, 0).sql())
                .isEqualTo("SELECT 1 FROM \"t\" WHERE \"id\" IS NOT NULL ORDER BY \"id\" LIMIT 1");
    }

    @Test
    void singleKeyOffsetIsAPlainComparison() {
        assertThat(my.selectAfter("`t`", List.of("id"), Offset.after(List.of(7L))).sql())
                .isEqualTo("SELECT * FROM `t` WHERE ((`id` > ?)) ORDER BY `id`");
        assertThat(pg.selectAfter("\"t\"", List.of("id"), Offset.after(List.of(7L))).sql())
                .isEqualTo("SELECT * FROM \"t\" WHERE \"id\" > ? ORDER BY \"id\"");
    }

    @Test
    void destinationMaxTimestampIsReadAgainInclusively() {
        CursorQuery q = pg.selectAfter("\"t\"", List.of("ts", "id"), Offset.from(List.of(t)));
        assertThat(q.sql()).isEqualTo("SELECT * FROM \"t\" WHERE \"ts\" >= ? ORDER BY \"ts\", \"id\"");
        assertThat(q.params()).containsExactly(t);
        CursorQuery m = my.selectAfter("`t`", List.of("ts", "id"), Offset.from(List.of(t)));
        assertThat(m.sql()).isEqualTo("SELECT * FROM `t` WHERE ((`ts` >= ?)) ORDER BY `ts`, `id`");
    }

    @Test
    void startOffsetOnACompositeKeyBoundsTheFirstKeyColumnOnly() {
        CursorQuery q = pg.selectAfter("\"t\"", List.of("a", "b"), Offset.after(List.of(100L)));
        assertThat(q.sql()).isEqualTo("SELECT * FROM \"t\" WHERE \"a\" > ? ORDER BY \"a\", \"b\"");
    }

    @Test
    void threeColumnCursorOnMysql() {
        CursorQuery q = my.selectAfter("`t`", List.of("ts", "a", "b"), Offset.after(List.of(t, 1L, "x")));
        assertThat(q.sql()).isEqualTo("SELECT * FROM `t` WHERE `ts` >= ? AND ((`ts` > ?) OR (`ts` = ? AND `a` > ?)"
                + " OR (`ts` = ? AND `a` = ? AND `b` > ?)) ORDER BY `ts`, `a`, `b`");
        assertThat(q.params()).containsExactly(t, t, t, 1L, t, 1L, "x");
    }

    @Test
    void customQueryBecomesASubqueryWithoutItsSemicolon() {
        assertThat(pg.relation(null, " SELECT a.id, b.ts FROM a JOIN b ON a.id = b.id WHERE b.ok;; "))
                .isEqualTo("(SELECT a.id, b.ts FROM a JOIN b ON a.id = b.id WHERE b.ok) idra_src");
    }

    @Test
    void maxOfOneColumnAndOfACompositeKey() {
        assertThat(pg.selectMax(Identifier.table("s.t"), List.of("ts"))).isEqualTo("SELECT MAX(\"ts\") FROM \"s\".\"t\"");
        assertThat(my.selectMax(Identifier.table("t"), List.of("a", "b"))).isEqualTo(
                "SELECT `a`, `b` FROM `t` WHERE `a` IS NOT NULL AND `b` IS NOT NULL ORDER BY `a` DESC, `b` DESC LIMIT 1");
    }

    @Test
    void postgresInsertSkipsExistingKeys() {
        assertThat(pg.writeSql(Identifier.table("t"), List.of("id", "name"), List.of("id"), SaveMode.INSERT, List.of()))
                .isEqualTo("INSERT INTO \"t\" (\"id\", \"name\") VALUES (?, ?) ON CONFLICT (\"id\") DO NOTHING");
    }

    @Test
    void postgresUpsertUpdatesOnlyRowsThatChanged() {
        assertThat(pg.writeSql(Identifier.table("t"), List.of("id", "name", "doc"), List.of("id"), SaveMode.UPSERT,
                List.of("doc"))).isEqualTo("INSERT INTO \"t\" AS idra_dst (\"id\", \"name\", \"doc\") VALUES (?, ?, ?)"
                + " ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"doc\" = EXCLUDED.\"doc\""
                + " WHERE (idra_dst.\"name\", idra_dst.\"doc\"::text) IS DISTINCT FROM"
                + " (EXCLUDED.\"name\", EXCLUDED.\"doc\"::text)");
    }

    @Test
    void upsertOfAKeyOnlyTableCannotUpdateAnything() {
        assertThat(pg.writeSql(Identifier.table("t"), List.of("a", "b"), List.of("a", "b"), SaveMode.UPSERT, List.of()))
                .endsWith("ON CONFLICT (\"a\", \"b\") DO NOTHING");
        assertThat(my.writeSql(Identifier.table("t"), List.of("a", "b"), List.of("a", "b"), SaveMode.UPSERT, List.of()))
                .endsWith("ON DUPLICATE KEY UPDATE `a` = `a`");
    }

    @Test
    void mysqlInsertSkipsAndUpsertUpdates() {
        assertThat(my.writeSql(Identifier.table("t"), List.of("id", "name"), List.of("id"), SaveMode.INSERT, List.of()))
                .isEqualTo("INSERT INTO `t` (`id`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `id` = `id`");
        assertThat(my.writeSql(Identifier.table("t"), List.of("id", "name", "n"), List.of("id"), SaveMode.UPSERT,
                List.of())).isEqualTo("INSERT INTO `t` (`id`, `name`, `n`) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `n` = VALUES(`n`)");
    }

    @Test
    void postgresSessionTimeZoneIsQuoted() {
        assertThat(pg.sessionInitSql("Europe/Rome")).isEqualTo("SET TIME ZONE 'Europe/Rome'");
        assertThat(pg.sessionInitSql("it's")).isEqualTo("SET TIME ZONE 'it''s'");
        assertThat(pg.sessionInitSql(null)).isNull();
        assertThat(my.sessionInitSql("Europe/Rome")).isNull();
    }
}
