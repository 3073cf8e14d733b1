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

/** The packaged jar, run as users run it: exit codes, one clear line per problem, nothing written on error. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {

    private TestDatabase pg;
    private TestDatabase my;

    @BeforeAll
    void databases() {
        pg = TestServers.postgres().createDatabase("cli");
        my = TestServers.mysql().createDatabase("cli");
        SampleTable.create(pg, "items");
        SampleTable.create(my, "items");
        SampleTable.insert(pg, "items", 1, 100, SampleTable.BASE);
    }

    @AfterAll
    void drop() {
        pg.close();
        my.close();
    }

    private SyncJson items(String name) {
        return SyncJson.sync(name, Mode.ID_FIELD, pg, my).table("items").batch(30);
    }

    @Test
    void runOnceCopiesTheTableAndExitsZero(@TempDir Path dir) throws Exception {
        Path file = write(dir, "good.json", items("cli_good").toString());
        Jar.Result first = Jar.run(dir, List.of(), "run", "--once", file.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.stdout()).contains("sync 'cli_good': OK, 100 rows copied");
        assertThat(SampleTable.rows(my, "items")).isEqualTo(SampleTable.rows(pg, "items"));

        Jar.Result second = Jar.run(dir, List.of(), "run", "--once", file.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stdout()).contains("sync 'cli_good': OK, 0 rows copied");
    }

    /** The canonical record, unchanged but for its connection strings, through the jar: copy, then nothing. */
    @Test
    void seedRecordRunOnceCopiesEverythingThenNothing(@TempDir Path dir) throws Exception {
        TestDatabase school = TestServers.postgres().createDatabase("cliseed");
        TestDatabase target = TestServers.mysql().createDatabase("cliseed");
        try (school; target) {
            school.execute("CREATE TABLE bimbi (id bigint PRIMARY KEY, nome varchar(80), ts timestamp(6))",
                    "INSERT INTO bimbi SELECT i, 'bimbo ' || i, timestamp '2024-09-01 08:30:00.000001'"
                            + " + (i / 7) * interval '1 second' FROM generate_series(1, 3000) i");
            target.execute("CREATE TABLE bimbi (id bigint PRIMARY KEY, nome varchar(80), ts datetime(6))");
            String seed = Files.readString(Path.of("src/test/resources/seed-sync.json"))
                    .replace("host=localhost user=postgres password=postgres dbname=school port=5432 sslmode=disable",
                            school.libpqDsn())
                    .replace("root:cacata12@tcp(127.0.0.1:3306)/school?charset=utf8mb4",
                            target.goDsn().replace("?charset=utf8mb4&parseTime=True&loc=Local", "?charset=utf8mb4"));
            assertThat(seed).doesNotContain("cacata12", "dbname=school ");
            Path file = write(dir, "seed.json", seed);

            Jar.Result first = Jar.run(dir, List.of(), "run", "--once", file.toString());
            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(first.stdout()).contains("sync 'Sincro_postgres_mysql': OK, 3000 rows copied");
            String sql = "SELECT id, nome, ts FROM bimbi ORDER BY id";
            assertThat(target.canonicalRows(sql)).isEqualTo(school.canonicalRows(sql));

            Jar.Result second = Jar.run(dir, List.of(), "run", "--once", file.toString());
            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(second.stdout()).contains("sync 'Sincro_postgres_mysql': OK, 0 rows copied");
            assertThat(target.canonicalRows(sql)).isEqualTo(school.canonicalRows(sql));
        }
    }

    @Test
    void validateSaysOkPerSync(@TempDir Path dir) throws Exception {
        Path file = write(dir, "two.json", "[" + items("v_one") + "," + items("v_two") + "]");
        Jar.Result result = Jar.run(dir, List.of(), "validate", file.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("sync 'v_one': OK", "sync 'v_two': OK");
    }

    @Test
    void malformedJsonIsOneLineWithItsPosition(@TempDir Path dir) throws Exception {
        Path file = write(dir, "broken.json", "{\"sync_name\": \"x\",,}");
        Jar.Result result = Jar.run(dir, List.of(), "validate", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip().lines()).singleElement().asString()
                .startsWith("error: sync '<broken.json>': malformed JSON at line 1, column");
    }

    @Test
    void unknownModeAndMissingFieldAreEachReported(@TempDir Path dir) throws Exception {
        String record = items("bad_mode").toString().replace("\"IdField\"", "\"Sometimes\"")
                .replaceFirst("\"connection_string\" : \"[^\"]*\",", "");
        Path file = write(dir, "bad.json", record);
        Jar.Result result = Jar.run(dir, List.of(), "run", "--once", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("error: sync 'bad_mode': mode:")
                .contains("error: sync 'bad_mode': source_connector.connection_string:")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void wrongPasswordFailsTheSyncWithOneLineAndWritesNothing(@TempDir Path dir) throws Exception {
        SampleTable.create(my, "pw_items");
        String wrong = "root:wrong-secret-pw@tcp(" + TestServers.mysql().host() + ":" + TestServers.mysql().port()
                + ")/" + my.name() + "?charset=utf8mb4";
        Path file = write(dir, "pw.json", items("pw").tables("items", "pw_items").destinationConnection(wrong)
                .toString());
        Jar.Result result = Jar.run(dir, List.of(), "run", "--once", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("error: sync 'pw': destination_connector.connection_string: cannot connect")
                .doesNotContain("wrong-secret-pw");
        assertThat(result.stdout()).doesNotContain("wrong-secret-pw");
        assertThat(my.count("pw_items")).isZero();
    }

    @Test
    void missingTableFailsTheSyncWithOneLine(@TempDir Path dir) throws Exception {
        Path file = write(dir, "missing.json", items("missing").tables("no_such_source", "items")
                .destinationAttribute("create_table", "false").toString());
        Jar.Result result = Jar.run(dir, List.of(), "run", "--once", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("error: sync 'missing': source_connector.table: table"
                + " 'no_such_source' does not exist");

        Path noCreate = write(dir, "nocreate.json", items("nocreate").tables("items", "no_such_table")
                .destinationAttribute("create_table", "false").toString());
        Jar.Result refused = Jar.run(dir, List.of(), "run", "--once", noCreate.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("error: sync 'nocreate': destination_connector.table: table"
                + " 'no_such_table' does not exist");
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
