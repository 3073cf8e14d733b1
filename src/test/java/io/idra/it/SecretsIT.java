package io.idra.it;

import io.idra.model.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password reaches an output or a file. Every scenario runs the jar with connection strings that carry test
 * secrets (all containing {@link BadInputFixture#SECRET_MARK}) in every form: good runs in both directions, validate,
 * a wrong password, and the whole bad-input catalogue. Then stdout, stderr and every byte the program wrote under its
 * work directory (state store, temporary files) are searched for the mark, as UTF-8 and as UTF-16.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsIT {

    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private BadInputFixture fixture;

    @BeforeAll
    void fixture() {
        fixture = new BadInputFixture();
        // the reverse direction: a MySQL source, and a PostgreSQL schema the sync's user may create tables in
        SampleTable.create(fixture.my, "source_items");
        SampleTable.insert(fixture.my, "source_items", 1, BadInputFixture.SOURCE_ROWS, SampleTable.BASE);
        fixture.pg.execute("GRANT CREATE ON SCHEMA public TO " + fixture.pgUser);
    }

    @AfterAll
    void drop() {
        fixture.close();
    }

    /** Each form of connection string once as a source and once as a destination; tables are created by the sync. */
    private List<SyncJson> goodSyncs() {
        BadInputFixture f = fixture;
        return List.of(
                toMysql("libpq_to_go", f.pgLibpq(), f.myGoDsn()),
                toMysql("uri_to_jdbc", f.pgUri(), f.myJdbc()),
                toMysql("jdbc_to_mariadb", f.pgJdbc(), f.myMariadb()),
                toPostgres("go_to_libpq", f.myGoDsn(), f.pgLibpq()),
                toPostgres("jdbc_to_uri", f.myJdbc(), f.pgUri()),
                toPostgres("mariadb_to_jdbc", f.myMariadb(), f.pgJdbc()));
    }

    private SyncJson toMysql(String name, String source, String destination) {
        return SyncJson.sync(name, Mode.TIMESTAMP, fixture.pg, fixture.my).tables("items", "copy_" + name)
                .timestamp("ts").sourceConnection(source).destinationConnection(destination);
    }

    private SyncJson toPostgres(String name, String source, String destination) {
        return SyncJson.sync(name, Mode.ID_FIELD, fixture.my, fixture.pg).tables("source_items", "copy_" + name)
                .sourceConnection(source).destinationConnection(destination);
    }

    @Test
    void goodRunsInEveryFormPrintAndWriteNoSecret(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path work = Files.createDirectories(dir.resolve("work"));
        List<String> files = new ArrayList<>();
        for (SyncJson sync : goodSyncs()) {
            Files.writeString(in.resolve(sync.name() + ".json"), sync.toString());
            files.add(sync.name() + ".json");
        }
        assertThat(containsSecret(in)).as("the inputs carry the secrets").isTrue();
        String[] names = files.toArray(String[]::new);

        IsolatedRun validate = IsolatedRun.start(work, BadInput.Invocation.of(List.of("validate"), names));
        IsolatedRun first = IsolatedRun.start(work, BadInput.Invocation.runOnce(names));
        IsolatedRun again = IsolatedRun.start(work, BadInput.Invocation.runOnce(names));

        assertThat(validate.result().exitCode()).as(validate.result().all()).isZero();
        assertThat(first.result().exitCode()).as(first.result().all()).isZero();
        assertThat(again.result().exitCode()).as(again.result().all()).isZero();
        for (SyncJson sync : goodSyncs()) {
            assertThat(validate.result().stdout()).contains("sync '" + sync.name() + "': OK");
            assertThat(first.result().stdout()).contains("sync '" + sync.name() + "': OK, "
                    + BadInputFixture.SOURCE_ROWS + " rows copied");
            assertThat(again.result().stdout()).contains("sync '" + sync.name() + "': OK, 0 rows copied");
        }
        for (IsolatedRun run : List.of(validate, first, again)) {
            assertNoSecret(run);
        }
    }

    static Stream<Named<BadInput>> catalogue() {
        return BadInputIT.catalogue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void badInputsPrintAndWriteNoSecret(BadInput entry, @TempDir Path dir) {
        assertNoSecret(IsolatedRun.of(fixture, entry, dir));
    }

    private static void assertNoSecret(IsolatedRun run) {
        assertThat(run.result().stdout()).as("stdout").doesNotContain(BadInputFixture.SECRET_MARK);
        assertThat(run.result().stderr()).as("stderr").doesNotContain(BadInputFixture.SECRET_MARK);
        assertThat(containsSecret(run.work())).as("a file under " + run.work()).isFalse();
    }

    /** Whether any file under {@code dir} holds the secret mark's bytes in one of the encodings. */
    private static boolean containsSecret(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(SecretsIT::containsSecretBytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean containsSecretBytes(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            return ENCODINGS.stream().anyMatch(cs -> indexOf(content, BadInputFixture.SECRET_MARK.getBytes(cs)) >= 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static int indexOf(byte[] content, byte[] wanted) {
        outer:
        for (int i = 0; i <= content.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (content[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
