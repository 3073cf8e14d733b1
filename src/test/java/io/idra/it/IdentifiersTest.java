package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that break naive SQL: mixed case, spaces, reserved words, {@code schema.table}; composite keys; a custom
 * source query with its own JOIN and WHERE. Each sync must copy exactly and then only what is new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentifiersTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("names");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @Test
    void schemaQualifiedMixedCaseReservedAndSpacedNames(@TempDir Path dir) {
        TestDatabase pg = dbs.source(Direction.PG_TO_MYSQL);
        TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
        pg.execute("CREATE SCHEMA sales",
                "CREATE TABLE sales.\"Order Items\" (\"Id\" bigint PRIMARY KEY, \"select\" text, \"order\" int,"
                        + " \"Unit Price\" numeric(10,2), \"Updated At\" timestamp(6))",
                "INSERT INTO sales.\"Order Items\" SELECT i, 'it''s `x` \"y\" ' || i, i % 3, i * 1.25,"
                        + " timestamp '2024-01-01' + i * interval '1 minute' FROM generate_series(1, 40) i");
        my.execute("CREATE TABLE `Order Items` (`Id` bigint PRIMARY KEY, `select` text, `order` int,"
                + " `Unit Price` decimal(10,2), `Updated At` datetime(6))");
        SyncRunner runner = new SyncRunner(dir);
        SyncJson sync = SyncJson.sync("odd_names", Mode.TIMESTAMP, pg, my)
                .tables("sales.Order Items", my.name() + ".Order Items").key("Id").timestamp("Updated At").batch(9);

        assertThat(runner.onceOk(sync)).isEqualTo(40);
        String columns = "\"Id\", \"select\", \"order\", \"Unit Price\", \"Updated At\"";
        assertThat(my.canonicalRows("SELECT " + columns.replace('"', '`') + " FROM `Order Items` ORDER BY `Id`"))
                .isEqualTo(pg.canonicalRows("SELECT " + columns + " FROM sales.\"Order Items\" ORDER BY \"Id\""));

        pg.execute("INSERT INTO sales.\"Order Items\" VALUES (41, 'new', 1, 9.99, timestamp '2025-01-01')");
        assertThat(runner.onceOk(sync)).isEqualTo(1);
        assertThat(my.count("Order Items")).isEqualTo(41);
    }

    @Test
    void compositeKeysInIdAndTimestampModes(@TempDir Path dir) {
        TestDatabase my = dbs.source(Direction.MYSQL_TO_PG);
        TestDatabase pg = dbs.destination(Direction.MYSQL_TO_PG);
        for (String table : new String[] {"pairs_id", "pairs_ts"}) {
            my.execute("CREATE TABLE " + table + " (a int, b varchar(10), v varchar(20), ts datetime(6),"
                    + " PRIMARY KEY (a, b))");
            pg.execute("CREATE TABLE " + table + " (a int, b varchar(10), v varchar(20), ts timestamp(6),"
                    + " PRIMARY KEY (a, b))");
            StringBuilder values = new StringBuilder();
            for (int a = 1; a <= 6; a++) {
                for (String b : new String[] {"x", "y", "z"}) {
                    values.append(values.length() == 0 ? "" : ", ").append("(").append(a).append(", '").append(b)
                            .append("', 'v").append(a).append(b).append("', '2024-05-05 12:00:00.00000")
                            .append(a % 2).append("')");
                }
            }
            my.execute("INSERT INTO " + table + " VALUES " + values);
        }
        SyncRunner runner = new SyncRunner(dir);
        SyncJson byKey = SyncJson.sync("pairs_id", Mode.ID_FIELD, my, pg).table("pairs_id").key("a, b").batch(4);
        SyncJson byTime = SyncJson.sync("pairs_ts", Mode.TIMESTAMP, my, pg).table("pairs_ts").key("a,b")
                .timestamp("ts").batch(4);
        assertThat(runner.onceOk(byKey)).isEqualTo(18);
        assertThat(runner.onceOk(byTime)).isEqualTo(18);

        my.execute("INSERT INTO pairs_id VALUES (6, 'zz', 'late b', '2024-05-05'), (7, 'a', 'new a', '2024-05-05')",
                "INSERT INTO pairs_ts VALUES (5, 'zz', 'tie', '2024-05-05 12:00:00.000001')");
        assertThat(runner.onceOk(byKey)).isEqualTo(2);
        assertThat(runner.onceOk(byTime)).isEqualTo(1);
        for (String table : new String[] {"pairs_id", "pairs_ts"}) {
            String sql = "SELECT a, b, v, ts FROM " + table + " ORDER BY a, b";
            assertThat(pg.canonicalRows(sql)).as(table).isEqualTo(my.canonicalRows(sql));
        }
    }

    @Test
    void customQueryWithJoinAndWhere(@TempDir Path dir) {
        TestDatabase pg = dbs.source(Direction.PG_TO_PG);
        TestDatabase dst = dbs.destination(Direction.PG_TO_PG);
        pg.execute("CREATE TABLE customers (id int PRIMARY KEY, name text)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int, status text, ts timestamp(6))",
                "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Bruno')",
                "INSERT INTO orders SELECT i, 1 + i % 2, CASE WHEN i % 3 = 0 THEN 'open' ELSE 'paid' END,"
                        + " timestamp '2024-02-02' + i * interval '1 second' FROM generate_series(1, 30) i");
        dst.execute("CREATE TABLE paid_orders (id bigint PRIMARY KEY, customer text, ts timestamp(6))");
        String query = "SELECT o.id, c.name AS customer, o.ts FROM orders o JOIN customers c ON c.id = o.customer_id"
                + " WHERE o.status = 'paid';";
        SyncRunner runner = new SyncRunner(dir);
        SyncJson sync = SyncJson.sync("paid", Mode.TIMESTAMP, pg, dst).tables("orders", "paid_orders")
                .query(query).timestamp("ts").batch(7);

        assertThat(runner.onceOk(sync)).isEqualTo(20);
        pg.execute("INSERT INTO orders VALUES (31, 2, 'paid', timestamp '2024-03-01'), (32, 1, 'open', timestamp '2024-03-01')");
        assertThat(runner.onceOk(sync)).isEqualTo(1);
        assertThat(dst.canonicalRows("SELECT id, customer, ts FROM paid_orders ORDER BY id"))
                .isEqualTo(pg.canonicalRows("SELECT o.id, c.name, o.ts FROM orders o JOIN customers c"
                        + " ON c.id = o.customer_id WHERE o.status = 'paid' ORDER BY o.id"));
    }
}
