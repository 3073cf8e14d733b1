package io.idra.model;

import static io.idra.model.TestRecords.json;
import static io.idra.model.TestRecords.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Files as a whole: the seed, arrays, malformed JSON, and names or ids used twice. */
class SyncReaderTest {

    @Test
    void loadsTheSeedRecordExactly() throws URISyntaxException {
        Path seed = Path.of(Objects.requireNonNull(getClass().getResource("/seed-sync.json")).toURI());

        LoadResult result = SyncReader.read(seed);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.syncs()).hasSize(1);
        Sync sync = result.syncs().get(0);
        assertThat(sync.id()).isEqualTo("28955df5-3f4a-48f5-b60e-cf898d01cbe6");
        assertThat(sync.name()).isEqualTo("Sincro_postgres_mysql");
        assertThat(sync.mode()).isEqualTo(Mode.LAST_DESTINATION_TIMESTAMP);
        assertThat(sync.disabled()).isFalse();
        assertThat(sync.source().type()).isEqualTo(ConnectorType.POSTGRES);
        assertThat(sync.source().table()).isEqualTo("bimbi");
        assertThat(sync.source().pollingSeconds()).isEqualTo(60);
        assertThat(sync.source().batchSize()).isEqualTo(50_000);
        assertThat(sync.source().keyColumns()).containsExactly("id");
        assertThat(sync.source().timestampField()).isEqualTo("ts");
        assertThat(sync.source().connectionString()).startsWith("host=localhost user=postgres");
        assertThat(sync.destination().type()).isEqualTo(ConnectorType.MYSQL);
        assertThat(sync.destination().table()).isEqualTo("bimbi");
        assertThat(sync.destination().database()).isEqualTo("school");
        assertThat(sync.destination().saveMode()).isEqualTo(SaveMode.INSERT);
        assertThat(sync.destination().keyColumns()).containsExactly("id");
        assertThat(sync.destination().timestampField()).isEqualTo("ts");
        assertThat(sync.destination().connectionString()).endsWith("charset=utf8mb4&parseTime=True&loc=Local");
        assertThat(sync.saveMode()).isEqualTo(SaveMode.INSERT);
        assertThat(sync.batchSize()).isEqualTo(50_000);
        assertThat(sync.pollingSeconds()).isEqualTo(60);
    }

    @Test
    void loadsAnArrayOfSyncsInFileOrder() {
        String json = "[" + json(set("sync_name", "\"first\""), set("id", "\"a\""))
                + ",\n" + json(set("sync_name", "\"second\""), set("id", "\"b\"")) + "]";

        LoadResult result = SyncReader.read(json, "two.json");

        assertThat(result.ok()).isTrue();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.syncs()).extracting(Sync::name).containsExactly("first", "second");
        assertThat(result.syncs()).extracting(Sync::routeId).containsExactly("sync-first", "sync-second");
    }

    @Test
    void warnsAboutAnEmptyArray() {
        LoadResult result = SyncReader.read("[ ]", "none.json");

        assertThat(result.ok()).isTrue();
        assertThat(result.syncs()).isEmpty();
        assertThat(result.warnings()).containsExactly("sync '<none.json>': the array holds no sync");
    }

    @Test
    void readsAFileByPathAndNamesItByItsFileName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bimbi.json");
        Files.writeString(file, json(set("mode", "\"Nope\""), set("sync_name", "\"\"")));

        LoadResult result = SyncReader.read(file);

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "sync '<bimbi.json>': sync_name: required: expected a non-empty name",
                "sync '<bimbi.json>': mode: expected one of FullWithId, IdField, LastDestinationId,"
                        + " LastDestinationTimestamp, Timestamp, got \"Nope\"");
    }

    @Test
    void reportsAMissingFileWithThePathGiven(@TempDir Path dir) {
        LoadResult result = SyncReader.read(dir.resolve("missing.json"));

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "sync '<missing.json>': file not found: " + dir.resolve("missing.json"));
    }

    @Test
    void reportsADirectoryGivenAsAFile(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("syncs"));

        assertThat(SyncReader.read(folder).errors()).extracting(Problem::toString).containsExactly(
                "sync '<syncs>': " + folder + " is a directory; expected a JSON file");
    }

    @Test
    void reportsInvalidUtf8WithItsPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE8, '"', '}'});

        LoadResult result = SyncReader.read(file);

        assertThat(result.errors()).extracting(Problem::toString).singleElement().asString()
                .startsWith("sync '<latin1.json>': malformed JSON at line 1, column ")
                .contains("Invalid UTF-8");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("trailing comma in an object", "{\"sync_name\": \"a\",\n}",
                        "sync '<bimbi.json>': malformed JSON at line 2, column 1: trailing comma before '}': JSON allows"
                                + " no comma after the last entry; remove it"),
                arguments("trailing comma in an array", "[{\"sync_name\": \"a\"},]",
                        "sync '<bimbi.json>': malformed JSON at line 1, column 21: trailing comma before ']': JSON allows"
                                + " no comma after the last entry; remove it"),
                arguments("a value missing after a colon", "{\"sync_name\": ]",
                        "sync '<bimbi.json>': malformed JSON at line 1, column 15: Unexpected character (']' (code 93)):"
                                + " expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                arguments("two commas", "{\"sync_name\": \"a\",,}",
                        "sync '<bimbi.json>': malformed JSON at line 1, column 19: Unexpected character (',' (code 44)):"
                                + " was expecting double-quote to start field name"),
                arguments("missing comma on line 3", "{\n  \"sync_name\": \"a\",\n  \"mode\": \"IdField\" \"disabled\": false\n}",
                        "sync '<bimbi.json>': malformed JSON at line 3, column 21: Unexpected character ('\"' (code 34)):"
                                + " was expecting comma to separate Object entries"),
                arguments("unclosed object", "{\"sync_name\": \"a\"",
                        "sync '<bimbi.json>': malformed JSON at line 1, column 18: Unexpected end-of-input:"
                                + " expected close marker for Object (start marker at [line: 1, column: 1])"),
                arguments("a key given twice", "{\"sync_name\": \"a\",\n \"sync_name\": \"b\"}",
                        "sync '<bimbi.json>': malformed JSON at line 2, column 13: Duplicate field 'sync_name'"),
                arguments("two values", "{} {}",
                        "sync '<bimbi.json>': malformed JSON at line 1, column 4: unexpected content after the end of the JSON value"),
                arguments("a bare word", "sync",
                        "sync '<bimbi.json>': malformed JSON at line 1, column 1: Unrecognized token 'sync': was expecting"
                                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                arguments("a connection string left open", "{\"connection_string\": \"password=" + TestRecords.PASSWORD
                                + "\n  \"table\": \"t\"}",
                        "sync '<bimbi.json>': malformed JSON at line 1, column 41: Illegal unquoted character ((CTRL-CHAR,"
                                + " code 10)): has to be escaped using backslash to be included in string value"),
                arguments("an empty file", "", "sync '<bimbi.json>': empty file: expected a sync object or an array of sync objects"),
                arguments("only blanks", " \n ", "sync '<bimbi.json>': empty file: expected a sync object or an array of sync objects"),
                arguments("a number", "42", "sync '<bimbi.json>': expected a sync object or an array of sync objects, got 42"),
                arguments("a string", "\"x\"", "sync '<bimbi.json>': expected a sync object or an array of sync objects, got \"x\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsAFileThatIsNotASyncFileAsOneProblem(String description, String json, String expected) {
        LoadResult result = SyncReader.read(json, "bimbi.json");

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(expected);
        assertThat(result.syncs()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void rejectsTheLaterOfTwoSyncsWithTheSameName() {
        String json = "[" + json(set("id", "\"a\"")) + "," + json(set("id", "\"b\"")) + "]";

        LoadResult result = SyncReader.read(json, "dup.json");

        assertThat(result.syncs()).extracting(Sync::id).containsExactly("a");
        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "sync 's1': sync_name: expected a unique name, already used by an earlier sync");
    }

    @Test
    void comparesNamesIgnoringCase() {
        String json = "[" + json(set("id", "\"a\""), set("sync_name", "\"Orders\""))
                + "," + json(set("id", "\"b\""), set("sync_name", "\"orders\"")) + "]";

        LoadResult result = SyncReader.read(json, "dup.json");

        assertThat(result.syncs()).extracting(Sync::name).containsExactly("Orders");
        assertThat(result.errors()).extracting(Problem::toString).containsExactly("sync 'orders': sync_name: expected"
                + " a unique name, already used by an earlier sync as 'Orders' (names are compared ignoring case)");
    }

    @Test
    void rejectsTheLaterOfTwoSyncsWithTheSameId() {
        String json = "[" + json(set("sync_name", "\"one\"")) + "," + json(set("sync_name", "\"two\"")) + "]";

        LoadResult result = SyncReader.read(json, "dup.json");

        assertThat(result.syncs()).extracting(Sync::name).containsExactly("one");
        assertThat(result.errors()).extracting(Problem::toString).containsExactly("sync 'two': id: expected a unique id,"
                + " \"" + TestRecords.ID + "\" is already used by sync 'one'");
    }

    @Test
    void reportsADuplicateNameTogetherWithTheRecordsOtherErrors() {
        String json = "[" + json(set("id", "\"a\""), set("source_connector.polling_time", "-1"))
                + "," + json(set("id", "\"b\""), set("mode", "\"x\"")) + "]";

        LoadResult result = SyncReader.read(json, "dup.json");

        assertThat(result.syncs()).isEmpty();
        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "sync 's1': source_connector.polling_time: expected an integer number of seconds from 0 to 2147483647"
                        + " (0 means 60), got -1",
                "sync 's1': mode: expected one of FullWithId, IdField, LastDestinationId, LastDestinationTimestamp,"
                        + " Timestamp, got \"x\"",
                "sync 's1': sync_name: expected a unique name, already used by an earlier sync");
    }

    @Test
    void doesNotCompareGeneratedIds() {
        String json = "[" + json(set("id", "\"\""), set("sync_name", "\"one\""), set("mode", "\"LastDestinationId\""))
                + "," + json(set("id", "\"\""), set("sync_name", "\"two\""), set("mode", "\"LastDestinationId\"")) + "]";

        LoadResult result = SyncReader.read(json, "ids.json");

        assertThat(result.ok()).isTrue();
        assertThat(result.syncs()).hasSize(2);
        assertThat(result.syncs().get(0).id()).isNotEqualTo(result.syncs().get(1).id());
    }

    @Test
    void checksNamesAndIdsAcrossFiles() {
        Sync first = SyncReader.read(json(set("sync_name", "\"a\""), set("id", "\"1\"")), "x.json").syncs().get(0);
        Sync sameName = SyncReader.read(json(set("sync_name", "\"a\""), set("id", "\"2\"")), "y.json").syncs().get(0);
        Sync sameId = SyncReader.read(json(set("sync_name", "\"b\""), set("id", "\"1\"")), "z.json").syncs().get(0);
        Sync distinct = SyncReader.read(json(set("sync_name", "\"c\""), set("id", "\"3\"")), "w.json").syncs().get(0);

        assertThat(SyncReader.checkUnique(List.of(new SyncReader.FromFile(first, "conf/x.json"),
                new SyncReader.FromFile(sameName, "y.json"), new SyncReader.FromFile(sameId, "z.json"),
                new SyncReader.FromFile(distinct, "w.json"))))
                .extracting(Problem::toString).containsExactly(
                        "sync 'a': sync_name: expected a unique name, already used by an earlier sync in conf/x.json",
                        "sync 'b': id: expected a unique id, \"1\" is already used by sync 'a' in conf/x.json");
        assertThat(SyncReader.checkUnique(List.of(new SyncReader.FromFile(first, "x.json"),
                new SyncReader.FromFile(distinct, "w.json")))).isEmpty();
    }
}
