package io.idra.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.model.Mode;
import io.idra.ops.SyncMXBean;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A running program watched and driven over a real JMX connection (RMI on a loopback port, as a console connects
 * with -Dcom.sun.management.jmxremote.port): our sync MBean's attributes match the destination and never show a
 * password; Camel's route MBean stops and starts the route; the offset can be set and reset only while stopped;
 * runNow starts a tick of a sync whose timer would not fire for an hour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncJmxTest {

    private static final String SECRET = "Jmx-S3cret-pw";

    private Databases dbs;
    private TestDatabase pg;
    private TestDatabase my;
    private Registry rmiRegistry;
    private JMXConnectorServer jmxServer;
    private JMXConnector connector;
    private MBeanServerConnection jmx;

    @BeforeAll
    void start() throws Exception {
        dbs = new Databases("jmx");
        pg = dbs.source(Direction.PG_TO_MYSQL);
        my = dbs.destination(Direction.PG_TO_MYSQL);
        // stubs must name the loopback address, not whatever the host name resolves to
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        int port = RunningApp.freePort();
        rmiRegistry = LocateRegistry.createRegistry(port);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + port
                + "/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        jmxServer = JMXConnectorServerFactory.newJMXConnectorServer(url, null,
                ManagementFactory.getPlatformMBeanServer());
        jmxServer.start();
        connector = JMXConnectorFactory.connect(jmxServer.getAddress());
        jmx = connector.getMBeanServerConnection();
    }

    @AfterAll
    void stop() throws Exception {
        connector.close();
        jmxServer.stop();
        UnicastRemoteObject.unexportObject(rmiRegistry, true);
        dbs.close();
    }

    @Test
    void attributesOperationsAndCamelsRouteMBean(@TempDir Path dir) throws Exception {
        SampleTable.create(pg, "j_items");
        SampleTable.create(my, "j_items");
        SampleTable.insert(pg, "j_items", 1, 25, SampleTable.BASE);
        SampleTable.create(pg, "j_dest");
        SampleTable.create(my, "j_dest");
        SampleTable.insert(pg, "j_dest", 1, 7, SampleTable.BASE);
        // trust authentication ignores the password, so the record can carry one to look for
        String withPassword = pg.idraConnectionString() + (pg.server().password().isEmpty()
                ? " password=" + SECRET : "");
        String secret = pg.server().password().isEmpty() ? SECRET : pg.server().password();
        SyncJson items = SyncJson.sync("jmx_items", Mode.ID_FIELD, pg, my).table("j_items").batch(10)
                .sourceConnection(withPassword);
        SyncJson dest = SyncJson.sync("jmx_dest", Mode.LAST_DESTINATION_ID, pg, my).table("j_dest");
        SyncJson off = SyncJson.sync("jmx_off", Mode.ID_FIELD, pg, my).table("j_dest");
        Map<String, Consumer<ObjectNode>> edits = Map.of(
                // the timer fires at start, then not for an hour: later ticks come from runNow only
                "jmx_items", r -> ((ObjectNode) r.get("source_connector")).put("polling_time", 3600),
                "jmx_off", r -> r.put("disabled", true));

        try (RunningApp app = RunningApp.start(dir, Map.of(), edits, items, dest, off)) {
            ObjectName name = new ObjectName("io.idra:type=sync,name=jmx_items");
            ObjectName route = new ObjectName("org.apache.camel:context=idra,type=routes,name=\"sync-jmx_items\"");
            RunningApp.await("the MBean", () -> registered(name));
            SyncMXBean sync = JMX.newMXBeanProxy(jmx, name, SyncMXBean.class);

            RunningApp.await("25 rows copied", () -> sync.getRowsCopiedTotal() == 25);
            assertThat(my.count("j_items")).isEqualTo(25);
            assertThat(sync.getRowsCopiedLastTick()).isEqualTo(25);
            assertThat(sync.getOffset()).as("the destination's greatest key").isEqualTo(maxId("j_items"));
            assertThat(sync.getSyncName()).isEqualTo("jmx_items");
            assertThat(sync.getMode()).isEqualTo("IdField");
            assertThat(sync.getSaveMode()).isEqualTo("Upsert");
            assertThat(sync.getState()).isEqualTo("SUCCEEDED");
            assertThat(sync.getRouteStatus()).isEqualTo("Started");
            assertThat(sync.getLastTickStart()).isNotNull();
            assertThat(sync.getLastTickEnd()).isNotNull();
            assertThat(sync.getLastTickDurationMillis()).isNotNegative();
            assertThat(sync.getLastError()).isNull();
            assertThat(sync.getLag()).isZero();
            assertThat(sync.getLagUnit()).isEqualTo("rows");
            assertThat(sync.getNullCursorRows()).isZero();
            assertThat(sync.getSource()).startsWith("PostgresGORM table j_items on host=").contains("password=********");
            assertThat(sync.getDestination()).startsWith("MysqlGORM table j_items on ").contains(":********@tcp(");
            assertNoAttributeHolds(name, secret);
            assertNoAttributeHolds(route, secret);

            assertThatThrownBy(() -> sync.setOffset("20")).hasMessageContaining(
                    "sync 'jmx_items': the offset can be set only while route sync-jmx_items is stopped (it is Started)");
            assertThatThrownBy(sync::resetOffset).hasMessageContaining("can be reset only while route sync-jmx_items is stopped");

            jmx.invoke(route, "stop", null, null);
            assertThat(sync.getRouteStatus()).isEqualTo("Stopped");
            assertThatThrownBy(sync::runNow).hasMessageContaining("route sync-jmx_items is Stopped; start it first");
            assertThatThrownBy(() -> sync.setOffset("twenty")).hasMessageContaining(
                    "sync 'jmx_items': column id: \"twenty\" is not an integer");
            sync.setOffset("20");
            assertThat(sync.getOffset()).isEqualTo("20");
            assertThat(sync.getLag()).as("rows past 20").isEqualTo(5);
            sync.resetOffset();
            assertThat(sync.getOffset()).as("from the beginning").isEmpty();
            assertThat(sync.getLag()).isEqualTo(25);

            my.execute("DELETE FROM " + my.quote("j_items"));
            jmx.invoke(route, "start", null, null);
            assertThat(sync.getRouteStatus()).isEqualTo("Started");
            sync.runNow();
            RunningApp.await("the rows copied again", () -> sync.getRowsCopiedTotal() == 50);
            assertThat(my.count("j_items")).isEqualTo(25);
            assertThat(sync.getOffset()).isEqualTo("25");

            SampleTable.insert(pg, "j_items", 26, 30, SampleTable.BASE);
            sync.runNow();
            RunningApp.await("5 new rows", () -> sync.getRowsCopiedTotal() == 55);
            assertThat(sync.getRowsCopiedLastTick()).isEqualTo(5);
            assertThat(sync.getOffset()).isEqualTo("30");

            SyncMXBean lastDestination = JMX.newMXBeanProxy(jmx, new ObjectName("io.idra:type=sync,name=jmx_dest"),
                    SyncMXBean.class);
            RunningApp.await("jmx_dest copied", () -> lastDestination.getRowsCopiedTotal() == 7);
            assertThat(lastDestination.getOffset()).isEqualTo("7");
            assertThatThrownBy(() -> lastDestination.setOffset("3")).hasMessageContaining(
                    "mode LastDestinationId keeps no offset to set: its offset is the MAX() of [id] in the destination");

            SyncMXBean disabled = JMX.newMXBeanProxy(jmx, new ObjectName("io.idra:type=sync,name=jmx_off"),
                    SyncMXBean.class);
            assertThat(disabled.getRouteStatus()).as("a disabled sync is visible, not started").isEqualTo("Stopped");
            assertThat(disabled.getState()).isEqualTo("WAITING");
        }
        assertThat(registered(new ObjectName("io.idra:type=sync,name=jmx_items"))).as("unregistered at stop").isFalse();
    }

    private boolean registered(ObjectName name) {
        try {
            return jmx.isRegistered(name);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String maxId(String table) {
        return String.valueOf(my.rows("SELECT MAX(id) AS m FROM " + my.quote(table)).get(0).get("m"));
    }

    private void assertNoAttributeHolds(ObjectName name, String secret) throws Exception {
        for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
            Object value;
            try {
                value = jmx.getAttribute(name, attribute.getName());
            } catch (Exception e) {
                continue;
            }
            assertThat(String.valueOf(value)).as(name + " " + attribute.getName()).doesNotContain(secret);
        }
    }
}
