package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination database vanishes in the middle of a continuous sync and comes back: the sync fails, backs off,
 * recovers by itself and ends exact, the failure and the recovery are logged once each, and another sync of the
 * same program keeps copying all the while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIT {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("faults");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @Test
    void destinationOutageIsSurvivedAndOtherSyncsKeepRunning(@TempDir Path dir) throws Exception {
        TestDatabase pg = dbs.source(Direction.PG_TO_MYSQL);
        TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
        TestDatabase pg2 = dbs.destination(Direction.PG_TO_PG);
        for (TestDatabase db : List.of(pg, my, pg2)) {
            SampleTable.create(db, "orders");
        }
        try (TcpProxy proxy = new TcpProxy(TestServers.mysql().port())) {
            String viaProxy = my.goDsn().replace(":" + TestServers.mysql().port() + ")", ":" + proxy.port() + ")");
            assertThat(viaProxy).contains(":" + proxy.port() + ")");
            SyncJson flaky = SyncJson.sync("flaky", Mode.TIMESTAMP, pg, my).table("orders").timestamp("ts").batch(20)
                    .destinationConnection(viaProxy);
            SyncJson steady = SyncJson.sync("steady", Mode.TIMESTAMP, pg, pg2).table("orders").timestamp("ts")
                    .batch(20);
            Path file = dir.resolve("syncs.json");
            Files.writeString(file, "[" + flaky + "," + steady + "]");
            Path log = dir.resolve("idra.log");
            Process idra = Jar.start(dir, log, List.of("-Didra.state.url=jdbc:h2:file:" + dir.resolve("state")),
                    "run", file.toString());

            AtomicBoolean on = new AtomicBoolean(true);
            AtomicLong ids = new AtomicLong(1);
            Thread writer = new Thread(() -> {
                try (Connection c = pg.connect()) {
                    c.setAutoCommit(true);
                    while (on.get()) {
                        SampleTable.insertOne(c, "orders", ids.getAndIncrement(), LocalDateTime.now());
                        Thread.sleep(20);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            try {
                Thread.sleep(5_000);
                proxy.cut();
                long steadyAtCut = pg2.count("orders");
                Thread.sleep(8_000);
                assertThat(pg2.count("orders")).as("the other sync copies during the outage").isGreaterThan(steadyAtCut);
                proxy.restore();
                Thread.sleep(3_000);
            } finally {
                on.set(false);
                writer.join();
            }
            long expected = pg.count("orders");
            long deadline = System.currentTimeMillis() + 90_000;
            while ((my.count("orders") < expected || pg2.count("orders") < expected)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            idra.destroy();
            idra.waitFor();

            assertThat(SampleTable.rows(my, "orders")).isEqualTo(SampleTable.rows(pg, "orders"));
            assertThat(SampleTable.rows(pg2, "orders")).isEqualTo(SampleTable.rows(pg, "orders"));
            List<String> lines = Files.readAllLines(log);
            assertThat(lines.stream().filter(l -> l.contains("ERROR") && l.contains("sync 'flaky'")))
                    .as("the failure is logged once").hasSize(1);
            assertThat(lines.stream().filter(l -> l.contains("sync 'flaky': recovered")))
                    .as("the recovery is logged once").hasSize(1);
            assertThat(lines.stream().filter(l -> l.contains("sync 'steady'") && l.contains("ERROR"))).isEmpty();
        }
    }
}
