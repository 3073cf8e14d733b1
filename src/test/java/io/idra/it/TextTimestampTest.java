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
 * Timestamps stored as text in a Go layout ({@code timestamp_field_format}) are compared by time, not as text:
 * in {@code 02 Jan 2006} form, "01 Feb" sorts before "31 Jan" although it is later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextTimestampTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("textts");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @Test
    void timestampModeOrdersByTheParsedTime(@TempDir Path dir) {
        TestDatabase pg = dbs.source(Direction.PG_TO_MYSQL);
        TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
        pg.execute("CREATE TABLE events (id int PRIMARY KEY, at varchar(40), what text)",
                "INSERT INTO events VALUES (1, '30 Jan 2024 10:00:00.000001', 'a'), (2, '31 Jan 2024 10:00:00.000000', 'b'),"
                        + " (3, '01 Feb 2024 09:00:00.500000', 'c'), (4, '01 Feb 2024 09:00:00.500000', 'd')");
        my.execute("CREATE TABLE events (id int PRIMARY KEY, at varchar(40), what text)");
        SyncRunner runner = new SyncRunner(dir);
        SyncJson sync = SyncJson.sync("text_ts", Mode.TIMESTAMP, pg, my).table("events").timestamp("at").batch(2)
                .timestampFormat("02 Jan 2006 15:04:05.000000");

        assertThat(runner.onceOk(sync)).isEqualTo(4);
        // later than everything copied, but "02 ..." sorts before "30 ..." as text
        pg.execute("INSERT INTO events VALUES (5, '02 Feb 2024 00:00:00.000000', 'e'), (6, '29 Jan 2024 00:00:00.000000', 'old')");
        assertThat(runner.onceOk(sync)).isEqualTo(1);
        assertThat(my.canonicalRows("SELECT id, at, what FROM events ORDER BY id")).extracting(r -> r.get(0))
                .containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void lastDestinationTimestampReadsMaxOfTheParsedText(@TempDir Path dir) {
        TestDatabase my = dbs.source(Direction.MYSQL_TO_PG);
        TestDatabase pg = dbs.destination(Direction.MYSQL_TO_PG);
        my.execute("CREATE TABLE log (id int PRIMARY KEY, ts varchar(30))",
                "INSERT INTO log VALUES (1, '09/03/2024T10:00'), (2, '10/03/2024T09:00'), (3, '10/03/2024T09:00')");
        pg.execute("CREATE TABLE log (id int PRIMARY KEY, ts varchar(30))");
        SyncRunner runner = new SyncRunner(dir);
        SyncJson sync = SyncJson.sync("text_ldt", Mode.LAST_DESTINATION_TIMESTAMP, my, pg).table("log").timestamp("ts")
                .timestampFormat("02/01/2006T15:04");

        assertThat(runner.onceOk(sync)).isEqualTo(3);
        my.execute("INSERT INTO log VALUES (4, '10/03/2024T09:00'), (5, '01/04/2024T00:00'), (6, '08/03/2024T00:00')");
        runner.onceOk(sync);
        assertThat(pg.canonicalRows("SELECT id FROM log ORDER BY id")).extracting(r -> r.get(0))
                .containsExactly("1", "2", "3", "4", "5");
    }
}
