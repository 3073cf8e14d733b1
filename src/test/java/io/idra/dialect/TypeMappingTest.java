package io.idra.dialect;

import io.idra.dialect.ColumnType.Kind;
import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The DDL each dialect writes for created tables and added columns, and MySQL TIME decoding, without a database. */
class TypeMappingTest {

    private final Dialect pg = new PostgresDialect();
    private final Dialect my = new MysqlDialect();
    private final ColumnType id = ColumnType.of(Kind.BIGINT, ConnectorType.POSTGRES);
    private final ColumnType name = ColumnType.of(Kind.TEXT, ConnectorType.POSTGRES);
    private final ColumnType amount = ColumnType.of(Kind.DECIMAL, ConnectorType.POSTGRES).withLength(12).withScale(2);
    private final ColumnType ts = ColumnType.of(Kind.TIMESTAMPTZ, ConnectorType.POSTGRES).withScale(6);

    @Test
    void mysqlTableFromPostgresColumnsHasTheKeyAsPrimaryKeyAndBoundedTextInTheKey() {
        List<ColumnDefinition> columns = List.of(new ColumnDefinition("id", id), new ColumnDefinition("name", name),
                new ColumnDefinition("amount", amount), new ColumnDefinition("ts", ts));
        assertThat(my.createTable(Identifier.table("t"), columns, List.of("id", "name"))).containsExactly(
                "CREATE TABLE `t` (`id` BIGINT NOT NULL, `name` VARCHAR(255) NOT NULL, `amount` DECIMAL(12,2) NULL,"
                        + " `ts` TIMESTAMP(6) NULL, PRIMARY KEY (`id`, `name`))");
    }

    @Test
    void postgresTableFromMysqlColumnsWidensUnsignedAndCreatesTheEnumType() {
        ColumnType unsigned = ColumnType.of(Kind.INTEGER, ConnectorType.MYSQL).unsigned(true);
        ColumnType mood = ColumnType.of(Kind.ENUM, ConnectorType.MYSQL).named("enum('sad','it''s')")
                .withLabels(List.of("sad", "it's"));
        List<String> sql = pg.createTable(Identifier.table("s.t"),
                List.of(new ColumnDefinition("n", unsigned), new ColumnDefinition("mood", mood)), List.of("n"));
        assertThat(sql).containsExactly(
                "DO $idra$ BEGIN CREATE TYPE \"s\".\"t_mood\" AS ENUM ('sad', 'it''s');"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $idra$",
                "CREATE TABLE \"s\".\"t\" (\"n\" bigint NOT NULL, \"mood\" \"s\".\"t_mood\" NULL, PRIMARY KEY (\"n\"))");
    }

    @Test
    void sameEngineColumnsKeepTheirDeclaration() {
        ColumnType declared = ColumnType.of(Kind.INTEGER, ConnectorType.MYSQL).unsigned(true).named("int(10) unsigned");
        assertThat(my.addColumns(Identifier.table("t"), List.of(new ColumnDefinition("n", declared))))
                .containsExactly("ALTER TABLE `t` ADD COLUMN `n` int(10) unsigned NULL");
        assertThat(pg.addColumns(Identifier.table("t"), List.of(new ColumnDefinition("n", declared))))
                .containsExactly("ALTER TABLE \"t\" ADD COLUMN \"n\" bigint NULL");
    }

    @Test
    void mysqlEnumLabelsAreReadFromTheCatalogAndWrittenBack() {
        assertThat(MysqlTypes.labels("enum('a','it''s','back\\\\slash')")).containsExactly("a", "it's", "back\\slash");
        ColumnType en = ColumnType.of(Kind.ENUM, ConnectorType.POSTGRES).withLabels(List.of("a", "it's"));
        assertThat(MysqlTypes.ddl(en, false)).isEqualTo("ENUM('a','it''s')");
    }

    @Test
    void mysqlTimeIsDecodedFromTextAndFromTheBinaryProtocolWithItsSign() {
        assertThat(TimeValues.fromMysql("-838:59:59.000000".getBytes()))
                .isEqualTo(Duration.ofHours(-838).minusMinutes(59).minusSeconds(59));
        assertThat(TimeValues.fromMysql("10:00:00.5".getBytes())).isEqualTo(LocalTime.parse("10:00:00.5"));
        // binary: negative, 0 days, 12 h 0 m 0 s
        assertThat(TimeValues.fromMysql(new byte[] {1, 0, 0, 0, 0, 12, 0, 0})).isEqualTo(Duration.ofHours(-12));
        // binary: 34 days 22:59:59.000001
        assertThat(TimeValues.fromMysql(new byte[] {0, 34, 0, 0, 0, 22, 59, 59, 1, 0, 0, 0}))
                .isEqualTo(Duration.ofHours(838).plusMinutes(59).plusSeconds(59).plusNanos(1000));
        assertThat(TimeValues.fromMysql(new byte[0])).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(TimeValues.format(Duration.ofHours(-25).minusMillis(500))).isEqualTo("-25:00:00.500000");
    }
}
