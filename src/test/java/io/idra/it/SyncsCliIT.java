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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code syncs list | view | import | export | delete | yaml} through the jar, each in a working directory of its
 * own (config/syncs/, routes/), as ops run them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncsCliIT {

    /** PostgreSQL ignores a password under trust authentication: it is there to be masked. */
    private static final String PASSWORD = "Pg-s3cret-42";

    private TestDatabase pg;
    private TestDatabase my;

    @BeforeAll
    void databases() {
        pg = TestServers.postgres().createDatabase("clisyncs");
        my = TestServers.mysql().createDatabase("clisyncs");
    }

    @AfterAll
    void drop() {
        pg.close();
        my.close();
    }

    /** An Idra JSON array of two syncs, one each way; the PostgreSQL connection strings hold a password. */
    private String twoSyncs() {
        String pgWithPassword = pg.libpqDsn() + " password=" + PASSWORD;
        SyncJson a = SyncJson.sync("orders_a", Mode.ID_FIELD, pg, my).table("orders").sourceConnection(pgWithPassword);
        SyncJson b = SyncJson.sync("orders_b", Mode.TIMESTAMP, my, pg).tables("orders", "orders_copy")
                .timestamp("ts").destinationConnection(pgWithPassword);
        return "[" + a + "," + b.toString().replace("\"disabled\" : false", "\"disabled\" : true") + "]";
    }

    @Test
    void importOfAnIdraArrayWritesOneFilePerSyncThenListAndViewShowThem(@TempDir Path dir) throws Exception {
        Path file = write(dir, "two.json", twoSyncs());

        Jar.Result imported = Jar.run(dir, List.of(), "syncs", "import", file.toString());
        assertThat(imported.exitCode()).as(imported.all()).isZero();
        assertThat(imported.stdout().lines()).containsExactly(
                "sync 'orders_a': imported to config/syncs/orders_a.json",
                "sync 'orders_b': imported to config/syncs/orders_b.json");
        assertThat(dir.resolve("config/syncs/orders_a.json")).exists();
        assertThat(dir.resolve("config/syncs/orders_b.json")).exists();

        Jar.Result list = Jar.run(dir, List.of(), "syncs", "list");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout().lines()).containsExactly(
                "NAME      MODE       SOURCE               DESTINATION               FILE"
                        + "                        ENABLED",
                "orders_a  IdField    PostgresGORM orders  MysqlGORM orders          config/syncs/orders_a.json  yes",
                "orders_b  Timestamp  MysqlGORM orders     PostgresGORM orders_copy  config/syncs/orders_b.json  no");

        Jar.Result json = Jar.run(dir, List.of(), "syncs", "list", "--json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        assertThat(json.stdout()).contains("\"name\" : \"orders_b\"", "\"enabled\" : false",
                "\"file\" : \"config/syncs/orders_b.json\"");

        Jar.Result view = Jar.run(dir, List.of(), "syncs", "view", "ORDERS_A");
        assertThat(view.exitCode()).as(view.all()).isZero();
        assertThat(view.stdout()).contains("\"sync_name\" : \"orders_a\"", "password=********")
                .doesNotContain(PASSWORD);
        assertThat(Jar.run(dir, List.of(), "syncs", "view", "orders_a", "--show-passwords").stdout())
                .contains("password=" + PASSWORD);
        Jar.Result unknown = Jar.run(dir, List.of(), "syncs", "view", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr().lines())
                .containsExactly("error: no valid sync named 'nope' in config/syncs/*.json or routes/*.yaml");
    }

    @Test
    void exportWithPasswordsImportsBackToIdenticalRecords(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        assertThat(Jar.run(first, List.of(), "syncs", "import", write(dir, "two.json", twoSyncs()).toString())
                .exitCode()).isZero();

        Jar.Result export = Jar.run(first, List.of(), "syncs", "export", "--show-passwords", "../export.json");
        assertThat(export.exitCode()).as(export.all()).isZero();
        assertThat(export.stdout().lines()).containsExactly("exported 2 syncs to ../export.json");
        String exported = Files.readString(dir.resolve("export.json"));
        assertThat(exported).contains("password=" + PASSWORD);

        Jar.Result imported = Jar.run(second, List.of(), "syncs", "import", "../export.json");
        assertThat(imported.exitCode()).as(imported.all()).isZero();
        assertThat(imported.stderr()).isEmpty();
        Jar.Result again = Jar.run(second, List.of(), "syncs", "export", "--show-passwords");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.stdout()).isEqualTo(exported);
        assertThat(Files.readString(second.resolve("config/syncs/orders_a.json")))
                .isEqualTo(Files.readString(first.resolve("config/syncs/orders_a.json")));
    }

    @Test
    void exportMasksPasswordsAndSaysSoWhenAMaskedExportIsImported(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Jar.run(first, List.of(), "syncs", "import", write(dir, "two.json", twoSyncs()).toString());

        Jar.Result masked = Jar.run(first, List.of(), "syncs", "export");
        assertThat(masked.exitCode()).as(masked.all()).isZero();
        assertThat(masked.stdout()).doesNotContain(PASSWORD).contains("password=********");
        write(dir, "masked.json", masked.stdout());

        Jar.Result imported = Jar.run(second, List.of(), "syncs", "import", "../masked.json");
        assertThat(imported.exitCode()).as(imported.all()).isZero();
        assertThat(imported.stderr()).contains("warning: sync 'orders_a': source_connector.connection_string: holds"
                + " ******** where a password was (a masked export): write the real password into"
                + " config/syncs/orders_a.json before the sync runs");
    }

    @Test
    void importWritesNothingWhenOneRecordIsInvalidOrAlreadyThere(@TempDir Path dir) throws Exception {
        String good = SyncJson.sync("good_one", Mode.ID_FIELD, pg, my).table("t").toString();
        String bad = SyncJson.sync("bad_one", Mode.ID_FIELD, pg, my).table("t").toString()
                .replace("\"IdField\"", "\"Sometimes\"");
        Jar.Result refused = Jar.run(dir, List.of(), "syncs", "import", write(dir, "mixed.json", "[" + good + ","
                + bad + "]").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("error: sync 'bad_one': mode:").endsWith("error: nothing imported\n");
        assertThat(dir.resolve("config/syncs/good_one.json")).doesNotExist();

        Path one = write(dir, "one.json", good);
        assertThat(Jar.run(dir, List.of(), "syncs", "import", one.toString()).exitCode()).isZero();
        Jar.Result twice = Jar.run(dir, List.of(), "syncs", "import", one.toString());
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.stderr().lines()).containsExactly(
                "error: sync 'good_one': exists already in config/syncs/good_one.json: use --replace to overwrite it",
                "error: nothing imported");
        Jar.Result replaced = Jar.run(dir, List.of(), "syncs", "import", "--replace", "--yaml", one.toString());
        assertThat(replaced.exitCode()).as(replaced.all()).isZero();
        assertThat(replaced.stdout().lines()).containsExactly(
                "sync 'good_one': imported to routes/good_one.yaml, config/syncs/good_one.json removed");
    }

    @Test
    void deleteRemovesTheSyncsFile(@TempDir Path dir) throws Exception {
        Jar.run(dir, List.of(), "syncs", "import", write(dir, "two.json", twoSyncs()).toString());
        Jar.Result deleted = Jar.run(dir, List.of(), "syncs", "delete", "orders_b");
        assertThat(deleted.exitCode()).as(deleted.all()).isZero();
        assertThat(deleted.stdout().lines()).containsExactly("sync 'orders_b': deleted config/syncs/orders_b.json");
        assertThat(dir.resolve("config/syncs/orders_b.json")).doesNotExist();
        assertThat(Jar.run(dir, List.of(), "syncs", "list").stdout()).contains("orders_a").doesNotContain("orders_b");

        Path array = write(dir, "config/syncs/pair.json", "[" + SyncJson.sync("p1", Mode.ID_FIELD, pg, my).table("t")
                + "," + SyncJson.sync("p2", Mode.ID_FIELD, pg, my).table("t") + "]");
        Jar.Result shared = Jar.run(dir, List.of(), "syncs", "delete", "p1");
        assertThat(shared.exitCode()).isEqualTo(1);
        assertThat(shared.stderr().lines()).containsExactly(
                "error: sync 'p1': config/syncs/pair.json holds 2 entries, not only this sync: remove it from that"
                        + " file by hand");
        assertThat(array).exists();
    }

    @Test
    void yamlRendersARecordAsARouteFileThatValidates(@TempDir Path dir) throws Exception {
        Jar.run(dir, List.of(), "syncs", "import", write(dir, "two.json", twoSyncs()).toString());

        Jar.Result printed = Jar.run(dir, List.of(), "syncs", "yaml", "orders_a");
        assertThat(printed.exitCode()).as(printed.all()).isZero();
        assertThat(printed.stdout()).contains("- templatedRoute:", "routeId: sync-orders_a", "password=********")
                .doesNotContain(PASSWORD);

        Jar.Result written = Jar.run(dir, List.of(), "syncs", "yaml", "config/syncs/orders_a.json", "--write");
        assertThat(written.exitCode()).as(written.all()).isZero();
        assertThat(written.stdout().lines()).containsExactly("sync 'orders_a': wrote routes/orders_a.yaml");
        assertThat(written.stderr().lines()).containsExactly("warning: sync 'orders_a' is now defined in"
                + " config/syncs/orders_a.json and in routes/orders_a.yaml: remove config/syncs/orders_a.json before"
                + " the next run");
        assertThat(Files.readString(dir.resolve("routes/orders_a.yaml"))).contains("password=" + PASSWORD);

        Jar.Result valid = Jar.run(dir, List.of(), "validate", "routes/orders_a.yaml");
        assertThat(valid.exitCode()).as(valid.all()).isZero();
        assertThat(valid.stdout().lines()).containsExactly("sync 'orders_a': OK");
        Jar.Result again = Jar.run(dir, List.of(), "syncs", "yaml", "orders_b", "--write");
        assertThat(again.exitCode()).as(again.all()).isZero();
        Jar.Result exists = Jar.run(dir, List.of(), "syncs", "yaml", "config/syncs/orders_b.json", "--write");
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(exists.stderr().lines()).containsExactly(
                "error: sync 'orders_b': routes/orders_b.yaml exists already: use --replace to overwrite it");
    }

    @Test
    void importWithYamlAndReplaceConvertsAJsonSyncInOneStep(@TempDir Path dir) throws Exception {
        Jar.run(dir, List.of(), "syncs", "import", write(dir, "two.json", twoSyncs()).toString());
        Jar.Result converted = Jar.run(dir, List.of(), "syncs", "import", "--yaml", "--replace",
                "config/syncs/orders_b.json");
        assertThat(converted.exitCode()).as(converted.all()).isZero();
        assertThat(converted.stdout().lines()).containsExactly(
                "sync 'orders_b': imported to routes/orders_b.yaml, config/syncs/orders_b.json removed");
        Jar.Result list = Jar.run(dir, List.of(), "syncs", "list");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).contains("routes/orders_b.yaml").doesNotContain("config/syncs/orders_b.json");
    }

    @Test
    void everyCommandHasHelpAndUsageErrorsExitTwo(@TempDir Path dir) {
        for (String command : List.of("list", "view", "import", "export", "delete", "yaml")) {
            Jar.Result help = Jar.run(dir, List.of(), "syncs", command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.stdout()).as(command).contains("Usage: idra syncs " + command, "Exit codes:");
        }
        assertThat(Jar.run(dir, List.of(), "syncs").exitCode()).isEqualTo(2);
        assertThat(Jar.run(dir, List.of(), "syncs", "view").exitCode()).isEqualTo(2);
        assertThat(Jar.run(dir, List.of(), "syncs", "list", "--bogus").exitCode()).isEqualTo(2);
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
