package io.idra.dialect;

import io.idra.dialect.ColumnType.Kind;
import io.idra.model.SaveMode;
import org.junit.jupiter.api.Test;

import java.sql.Types;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact SQL of the bulk loads and which column pairs they take, without a database. */
class BulkSqlTest {

    private final PostgresDialect pg = new PostgresDialect();
    private final MysqlDialect my = new MysqlDialect();

    private static TableInfo.Column column(String name, int jdbcType, String typeName) {
        return new TableInfo.Column(name, jdbcType, typeName, 10, 0, true);
    }

    private final List<TableInfo.Column> pgColumns = List.of(column("Id", Types.BIGINT, "int8"),
            column("we\"ird name", Types.VARCHAR, "text"), column("select", Types.BINARY, "bytea"));
    private final List<TableInfo.Column> myColumns = List.of(column("Id", Types.BIGINT, "BIGINT"),
            column("we`ird name", Types.LONGVARCHAR, "TEXT"), column("select", Types.LONGVARBINARY, "BLOB"),
            new TableInfo.Column("flag", Types.BIT, "BIT", 1, 0, false));

    @Test
    void postgresCopiesIntoATypedTemporaryTableThatEachCommitEmpties() {
        BulkLoad load = pg.bulkWrites().load(Identifier.table("sales.Order Items"), pgColumns, List.of("Id"),
                SaveMode.INSERT, List.of(), "sync-1");
        String staging = "pg_temp.\"" + BulkLoad.stagingName("sync-1", Identifier.table("sales.Order Items"),
                pgColumns) + "\"";
        String columns = "\"Id\", \"we\"\"ird name\", \"select\"";
        assertThat(load.prepareSql()).containsExactly("CREATE TEMP TABLE IF NOT EXISTS " + staging
                + " ON COMMIT DELETE ROWS AS SELECT " + columns + " FROM \"sales\".\"Order Items\" WITH NO DATA");
        assertThat(load.loadSql()).isEqualTo("COPY " + staging + " (" + columns + ") FROM STDIN");
        assertThat(load.mergeSql()).isEqualTo("INSERT INTO \"sales\".\"Order Items\" (" + columns + ") SELECT "
                + columns + " FROM " + staging + " ON CONFLICT (\"Id\") DO NOTHING");
        assertThat(load.finishSql()).isEmpty();
        assertThat(load.directSql()).isEqualTo("COPY \"sales\".\"Order Items\" (" + columns + ") FROM STDIN");
    }

    @Test
    void postgresUpsertFromStagingUpdatesOnlyRowsThatChanged() {
        BulkLoad load = pg.bulkWrites().load(Identifier.table("t"), pgColumns.subList(0, 2), List.of("Id"),
                SaveMode.UPSERT, List.of(), "s");
        assertThat(load.mergeSql()).matches("INSERT INTO \"t\" AS idra_dst \\(\"Id\", \"we\"\"ird name\"\\) SELECT"
                + " \"Id\", \"we\"\"ird name\" FROM pg_temp\\.\"idra_stage_[0-9a-f]{16}\" ON CONFLICT \\(\"Id\"\\)"
                + " DO UPDATE SET \"we\"\"ird name\" = EXCLUDED\\.\"we\"\"ird name\""
                + " WHERE \\(idra_dst\\.\"we\"\"ird name\"\\) IS DISTINCT FROM \\(EXCLUDED\\.\"we\"\"ird name\"\\)");
        assertThat(load.directSql()).as("Upsert of absent keys inserts too")
                .isEqualTo("COPY \"t\" (\"Id\", \"we\"\"ird name\") FROM STDIN");
    }

    @Test
    void mysqlLoadsTextAndMergesWithConversionsInTheSelect() {
        BulkLoad load = my.bulkWrites().load(Identifier.table("shop.Order Items"), myColumns, List.of("Id"),
                SaveMode.UPSERT, List.of(), "sync-1");
        String staging = "`shop`.`" + BulkLoad.stagingName("sync-1", Identifier.table("shop.Order Items"), myColumns)
                + "`";
        String columns = "`Id`, `we``ird name`, `select`, `flag`";
        assertThat(load.prepareSql()).containsExactly("CREATE TEMPORARY TABLE IF NOT EXISTS " + staging
                + " (`Id` LONGTEXT, `we``ird name` LONGTEXT, `select` LONGTEXT, `flag` LONGTEXT)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        assertThat(load.loadSql()).isEqualTo("LOAD DATA LOCAL INFILE 'stream' INTO TABLE " + staging
                + " CHARACTER SET utf8mb4 (" + columns + ")");
        assertThat(load.mergeSql()).isEqualTo("INSERT INTO `shop`.`Order Items` (" + columns + ") SELECT"
                + " idra_stage.`Id`, idra_stage.`we``ird name`, UNHEX(idra_stage.`select`),"
                + " CAST(idra_stage.`flag` AS UNSIGNED) FROM " + staging + " AS idra_stage ON DUPLICATE KEY UPDATE"
                + " `we``ird name` = idra_stage.`we``ird name`, `select` = UNHEX(idra_stage.`select`),"
                + " `flag` = CAST(idra_stage.`flag` AS UNSIGNED)");
        assertThat(load.finishSql()).containsExactly("DROP TEMPORARY TABLE " + staging);
        assertThat(load.directSql()).isEqualTo("LOAD DATA LOCAL INFILE 'stream' INTO TABLE `shop`.`Order Items`"
                + " CHARACTER SET utf8mb4 (`Id`, `we``ird name`, @idra_2, @idra_3)"
                + " SET `select` = UNHEX(@idra_2), `flag` = CAST(@idra_3 AS UNSIGNED)");
    }

    @Test
    void mysqlInsertSkipsPresentKeysWithANoOpOnTheDestinationsOwnColumn() {
        BulkLoad load = my.bulkWrites().load(Identifier.table("t"), myColumns.subList(0, 2), List.of("id"),
                SaveMode.INSERT, List.of(), "s");
        assertThat(load.mergeSql()).endsWith(" AS idra_stage ON DUPLICATE KEY UPDATE `id` = `t`.`id`");
        assertThat(load.prepareSql().get(0)).startsWith("CREATE TEMPORARY TABLE IF NOT EXISTS `idra_stage_");
    }

    @Test
    void mysqlLoadsStraightIntoTheDestinationWithBytesAndFlagsThroughVariables() {
        BulkLoad load = my.bulkWrites().load(Identifier.table("shop.Order Items"), myColumns, List.of("Id"),
                SaveMode.INSERT, List.of(), "sync-1");
        assertThat(load.directSql()).isEqualTo("LOAD DATA LOCAL INFILE 'stream' INTO TABLE `shop`.`Order Items`"
                + " CHARACTER SET utf8mb4 (`Id`, `we``ird name`, @idra_2, @idra_3)"
                + " SET `select` = UNHEX(@idra_2), `flag` = CAST(@idra_3 AS UNSIGNED)");
        assertThat(my.bulkWrites().load(Identifier.table("t"), myColumns.subList(0, 2), List.of("Id"),
                SaveMode.INSERT, List.of(), "s").directSql())
                .isEqualTo("LOAD DATA LOCAL INFILE 'stream' INTO TABLE `t` CHARACTER SET utf8mb4 (`Id`, `we``ird name`)");
    }

    @Test
    void stagingNamesDifferBySyncAndByShape() {
        Identifier t = Identifier.table("t");
        String name = BulkLoad.stagingName("a", t, pgColumns);
        assertThat(name).matches("idra_stage_[0-9a-f]{16}").isEqualTo(BulkLoad.stagingName("a", t, pgColumns));
        assertThat(BulkLoad.stagingName("b", t, pgColumns)).isNotEqualTo(name);
        assertThat(BulkLoad.stagingName("a", t, pgColumns.subList(0, 2))).isNotEqualTo(name);
        assertThat(BulkLoad.stagingName("a", t, List.of(pgColumns.get(0), pgColumns.get(1),
                column("select", Types.VARCHAR, "text")))).isNotEqualTo(name);
    }

    @Test
    void naturalTypeMappingsTravelInBothDirections() {
        assertThat(my.bulkWrites().refusal(pg.bulkWrites(), List.of(column("n", Types.NUMERIC, "numeric"),
                column("ts", Types.TIMESTAMP, "timestamptz"), column("e", Types.VARCHAR, "mood"),
                column("u", Types.OTHER, "uuid")), List.of(column("n", Types.BIGINT, "BIGINT UNSIGNED"),
                column("ts", Types.TIMESTAMP, "TIMESTAMP"), column("e", Types.CHAR, "CHAR"),
                column("u", Types.CHAR, "CHAR")))).isNull();
        assertThat(pg.bulkWrites().refusal(my.bulkWrites(), List.of(new TableInfo.Column("b", Types.BIT, "BIT", 1, 0,
                false), column("y", Types.DATE, "YEAR"), column("j", Types.LONGVARCHAR, "LONGTEXT")),
                List.of(column("b", Types.BIT, "bool"), column("y", Types.SMALLINT, "int2"),
                        column("j", Types.OTHER, "jsonb")))).isNull();
    }

    @Test
    void pairsWithoutAnExactTextFormWriteJdbcBatches() {
        assertThat(pg.bulkWrites().refusal(pg.bulkWrites(), List.of(column("h", Types.OTHER, "hstore")),
                List.of(column("h", Types.OTHER, "hstore")))).contains("column 'h' (hstore into hstore)");
        // a double cast to real rounds ties to even; its shortest text may not
        assertThat(pg.bulkWrites().carries(Kind.DOUBLE, Kind.REAL)).isFalse();
        assertThat(my.bulkWrites().carries(Kind.DOUBLE, Kind.REAL)).isTrue();
        // an instant into a zone-less PostgreSQL column: pgjdbc casts in the session zone, COPY drops the offset
        assertThat(pg.bulkWrites().carries(Kind.TIMESTAMPTZ, Kind.TIMESTAMP)).isFalse();
        assertThat(my.bulkWrites().carries(Kind.TIMESTAMPTZ, Kind.TIMESTAMP)).isTrue();
        assertThat(pg.bulkWrites().carries(Kind.DECIMAL, Kind.INTEGER)).isFalse();
        assertThat(pg.bulkWrites().carries(Kind.UUID, Kind.BINARY)).isFalse();
        assertThat(pg.bulkWrites().carries(Kind.TEXT, Kind.BOOLEAN)).isTrue();
        assertThat(my.bulkWrites().carries(Kind.TEXT, Kind.BOOLEAN)).isFalse();
        assertThat(my.bulkWrites().carries(Kind.DATE, Kind.BINARY)).isFalse();
        assertThat(my.bulkWrites().carries(Kind.INTEGER, Kind.BOOLEAN)).isFalse();
        assertThat(pg.bulkWrites().carries(Kind.BOOLEAN, Kind.INTEGER)).isFalse();
    }

    @Test
    void mysqlAllowsLocalInfileOnlyForBulkLoads() {
        assertThat(my.destinationProperties(true)).containsEntry("allowLoadLocalInfile", "true");
        assertThat(my.destinationProperties(false)).doesNotContainKey("allowLoadLocalInfile");
    }
}
