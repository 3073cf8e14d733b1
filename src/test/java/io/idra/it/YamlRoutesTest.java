package io.idra.it;

import io.idra.app.IdraApplication;
import io.idra.app.SyncLoader;
import io.idra.model.Mode;
import io.idra.model.SyncReader;
import io.idra.model.SyncYaml;
import io.idra.testdb.TestDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Syncs as YAML route files: a JSON record rendered as YAML runs the same; a mistake in a YAML file gets the same
 * located message; the same sync in JSON and YAML is an error; and with reload on, editing, adding and deleting one
 * file changes only that sync's route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YamlRoutesTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("yaml");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    private SyncJson items(String name, String table) {
        TestDatabase pg = dbs.source(Direction.PG_TO_MYSQL);
        TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
        SampleTable.create(pg, table);
        SampleTable.create(my, table);
        SampleTable.insert(pg, table, 1, 25, SampleTable.BASE);
        return SyncJson.sync(name, Mode.TIMESTAMP, pg, my).table(table).timestamp("ts").batch(10);
    }

    private static Path yaml(Path dir, SyncJson sync) throws Exception {
        var record = SyncReader.read(sync.toString(), sync.name() + ".json").syncs().get(0);
        Path file = dir.resolve(sync.name() + ".yaml");
        Files.writeString(file, SyncYaml.render(record, UnaryOperator.identity()));
        return file;
    }

    @Test
    void aRecordRenderedAsYamlRunsTheSame(@TempDir Path dir) throws Exception {
        SyncJson sync = items("yaml_once", "y_once");
        Path file = yaml(dir, sync);
        assertThat(Files.readString(file)).contains("- templatedRoute:", "routeTemplateRef: idra-sync",
                "- name: source_connector.table", "value: \"y_once\"");
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        assertThat(loaded.errors()).isEmpty();
        var run = new IdraApplication(loaded, Map.of("idra.state.url", new SyncRunner(dir).stateUrl()))
                .runOnce(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(run.error("yaml_once")).isNull();
        assertThat(run.rows("yaml_once")).isEqualTo(25);
        TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
        assertThat(SampleTable.rows(my, "y_once")).isEqualTo(SampleTable.rows(dbs.source(Direction.PG_TO_MYSQL), "y_once"));
    }

    @Test
    void connectionStringsMayNamePropertiesAndEnvironmentVariables(@TempDir Path dir) throws Exception {
        SyncJson sync = items("yaml_placeholder", "y_placeholder");
        Path file = yaml(dir, sync);
        String database = dbs.source(Direction.PG_TO_MYSQL).name();
        Files.writeString(file, Files.readString(file).replace("dbname=" + database, "dbname={{test.source.db}}"));
        assertThat(Files.readString(file)).contains("dbname={{test.source.db}}");
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        assertThat(loaded.errors()).isEmpty();
        var run = new IdraApplication(loaded, Map.of("idra.state.url", new SyncRunner(dir).stateUrl(),
                "test.source.db", database)).runOnce(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(run.error("yaml_placeholder")).isNull();
        assertThat(run.rows("yaml_placeholder")).isEqualTo(25);
    }

    @Test
    void yamlMistakesGetTheSameLocatedMessagesAsJson(@TempDir Path dir) throws Exception {
        Path file = yaml(dir, items("yaml_bad", "y_bad"));
        Files.writeString(file, Files.readString(file).replace("value: \"Timestamp\"", "value: \"Sometimes\"")
                .replace("- name: source_connector.polling_time\n        value: \"1\"",
                        "- name: source_connector.polling_time\n        value: \"soon\""));
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "- templatedRoute:\n    routeTemplateRef: idra-sync\n  parameters: [\n");
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file, broken));
        assertThat(loaded.errors()).extracting(Object::toString).containsExactly(
                "sync 'yaml_bad': mode: expected one of FullWithId, IdField, LastDestinationId,"
                        + " LastDestinationTimestamp, Timestamp, got \"Sometimes\"",
                "sync 'yaml_bad': source_connector.polling_time: expected an integer number of seconds, got \"soon\"",
                loaded.errors().get(2).toString());
        assertThat(loaded.errors().get(2).toString()).startsWith("sync '<broken.yaml>': malformed YAML at line");
    }

    @Test
    void theSameSyncInJsonAndYamlIsAnError(@TempDir Path dir) throws Exception {
        SyncJson sync = items("twice", "y_twice");
        Path json = dir.resolve("twice.json");
        Files.writeString(json, sync.toString());
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(json, yaml(dir, sync)));
        assertThat(loaded.errors()).isNotEmpty();
        assertThat(loaded.errors().get(0).toString()).contains("sync 'twice'").contains("twice.json");
    }

    @Test
    void reloadChangesOnlyTheEditedAddedOrDeletedSync(@TempDir Path dir) throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path a = yaml(routes, items("reload_a", "y_a"));
        Path b = yaml(routes, items("reload_b", "y_b"));
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(a, b));
        assertThat(loaded.errors()).isEmpty();
        IdraApplication app = new IdraApplication(loaded, Map.of("idra.state.url", new SyncRunner(dir).stateUrl(),
                "idra.routes.reload-enabled", "true",
                "idra.routes.directory", routes.toString()));
        Thread runner = new Thread(() -> {
            try {
                app.runForever();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        runner.start();
        try {
            await(() -> app.camelContext() != null && app.camelContext().getRoute("sync-reload_b") != null
                    && app.camelContext().getRoute("sync-reload_a") != null);
            CamelContext camel = app.camelContext();
            Route bBefore = camel.getRoute("sync-reload_b");
            Route aBefore = camel.getRoute("sync-reload_a");

            Files.writeString(a, Files.readString(a).replace("value: \"10\"", "value: \"7\""));
            await(() -> camel.getRoute("sync-reload_a") != null && camel.getRoute("sync-reload_a") != aBefore);
            assertThat(camel.getRoute("sync-reload_b")).as("the other sync's route is untouched").isSameAs(bBefore);

            Path c = yaml(routes, items("reload_c", "y_c"));
            await(() -> camel.getRoute("sync-reload_c") != null);
            TestDatabase my = dbs.destination(Direction.PG_TO_MYSQL);
            await(() -> my.count("y_c") == 25);

            Files.delete(c);
            await(() -> camel.getRoute("sync-reload_c") == null);
            assertThat(camel.getRoute("sync-reload_b")).isSameAs(bBefore);
            assertThat(app.catalog().all()).extracting(r -> r.sync().name())
                    .containsExactlyInAnyOrder("reload_a", "reload_b");
        } finally {
            app.stop();
            runner.join(30_000);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
