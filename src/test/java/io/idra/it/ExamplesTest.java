package io.idra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.app.SyncLoader;
import io.idra.cli.IdraCli;
import io.idra.docs.MarkdownPage;
import io.idra.model.ConnectorType;
import io.idra.model.Mode;
import io.idra.model.SaveMode;
import io.idra.model.Sync;
import io.idra.model.SyncParameters;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of config/syncs/examples/ (JSON) and routes/examples/ (YAML) against the real servers: the file
 * passes {@code validate} as it is, with no warning; then, with only its two connection strings pointed at fresh
 * test databases, the tables it names are created with rows, one {@code run --once} copies them, and source and
 * destination are compared row by row; a second round of new (and, where the mode sees them, updated) rows is
 * compared again. Also: one example per mode in each folder, the JSON and YAML example of a mode are the same
 * sync, each docs/modes page shows its mode's example, and {@code run} without arguments does not pick them up.
 */
class ExamplesTest {

    static final Path JSON_EXAMPLES = Path.of("config/syncs/examples");
    static final Path YAML_EXAMPLES = Path.of("routes/examples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDateTime BASE = LocalDateTime.parse("2024-05-01T10:00:00.123456");
    private static final Pattern YAML_CONNECTION = Pattern.compile(
            "(- name: (source|destination)_connector\\.connection_string\\s*\\n\\s*value: )(\"(?:[^\"\\\\]|\\\\.)*\")");

    static Stream<Path> examples() throws IOException {
        return Stream.concat(files(JSON_EXAMPLES, ".json").stream(), files(YAML_EXAMPLES, ".yaml").stream());
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Sync load(Path file) {
        SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
        assertThat(loaded.errors()).as("errors of " + file).isEmpty();
        assertThat(loaded.syncs()).as("syncs of " + file).hasSize(1);
        return loaded.syncs().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAsItIsWithoutWarnings(Path example) {
        assertThat(IdraCli.execute("validate", example.toString())).as("validate " + example).isZero();
        assertThat(SyncLoader.load(List.of(example)).warnings()).as("warnings of " + example).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void copiesItsTablesAgainstTheRealServers(Path example, @TempDir Path dir) throws Exception {
        copies(example, dir);
    }

    /** README's "Your first real sync" record, the same way. */
    @Test
    void readmeFirstSyncCopiesItsTable(@TempDir Path dir) throws Exception {
        List<MarkdownPage.Block> records = MarkdownPage.read("README.md").blocks("json");
        assertThat(records).as("JSON records of README.md").hasSize(1);
        Path record = Files.createDirectories(dir.resolve("readme")).resolve("first-sync.json");
        Files.writeString(record, records.get(0).text());
        assertThat(IdraCli.execute("validate", record.toString())).as("validate README's record").isZero();
        copies(record, dir);
    }

    private static void copies(Path example, Path dir) throws Exception {
        Sync sync = load(example);
        try (TestDatabase source = server(sync.source().type()).createDatabase("ex_src");
             TestDatabase destination = server(sync.destination().type()).createDatabase("ex_dst")) {
            Table table = new Table(sync);
            table.create(source);
            table.insert(source, 1, 40, BASE);
            Path pointed = pointedAt(example, source, destination, dir);
            SyncRunner runner = new SyncRunner(dir);

            assertThat(runner.onceOkFile(pointed, sync.name())).as("rows copied by " + example).isEqualTo(40);
            assertThat(table.rows(destination)).as(example + ", first run").isEqualTo(table.rows(source)).hasSize(40);

            table.insert(source, 41, 50, BASE.plusDays(1));
            if (sync.mode().usesTimestamp() && sync.destination().saveMode() == SaveMode.UPSERT) {
                table.update(source, 5, BASE.plusDays(2)); // an update that moves the timestamp forward
            }
            runner.onceOkFile(pointed, sync.name());
            assertThat(table.rows(destination)).as(example + ", second run").isEqualTo(table.rows(source)).hasSize(50);
        }
    }

    @Test
    void oneExamplePerModeInEachFolderNamedAfterIt() throws IOException {
        for (Path dir : List.of(JSON_EXAMPLES, YAML_EXAMPLES)) {
            String suffix = dir == JSON_EXAMPLES ? ".json" : ".yaml";
            List<Path> files = files(dir, suffix);
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(Mode.values()).map(m -> m.jsonName() + suffix).toList());
            for (Path file : files) {
                assertThat(load(file).mode().jsonName() + suffix).isEqualTo(file.getFileName().toString());
            }
        }
    }

    @Test
    void theJsonAndYamlExampleOfAModeAreTheSameSync() {
        for (Mode mode : Mode.values()) {
            Sync json = load(JSON_EXAMPLES.resolve(mode.jsonName() + ".json"));
            Sync yaml = load(YAML_EXAMPLES.resolve(mode.jsonName() + ".yaml"));
            assertThat(SyncParameters.of(yaml)).as(mode.jsonName()).isEqualTo(SyncParameters.of(json));
        }
    }

    @Test
    void eachFolderReadmeExplainsEveryFile() throws IOException {
        for (Path dir : List.of(JSON_EXAMPLES, YAML_EXAMPLES)) {
            String readme = Files.readString(dir.resolve("README.md"));
            for (Path file : files(dir, dir == JSON_EXAMPLES ? ".json" : ".yaml")) {
                assertThat(readme).as(dir + "/README.md").contains(file.getFileName().toString());
            }
        }
    }

    /** docs/modes/&lt;Mode&gt;.md shows, as its JSON record, exactly the example file, so the page's record runs here. */
    @Test
    void eachModePageShowsItsExample() throws IOException {
        for (Mode mode : Mode.values()) {
            String page = "docs/modes/" + mode.jsonName() + ".md";
            List<JsonNode> records = new ArrayList<>();
            for (MarkdownPage.Block block : MarkdownPage.read(page).blocks("json")) {
                records.add(JSON.readTree(block.text()));
            }
            assertThat(records).as(page + ": its JSON records").contains(
                    JSON.readTree(Files.readString(JSON_EXAMPLES.resolve(mode.jsonName() + ".json"))));
        }
    }

    /** They are in examples/ so that {@code run} without arguments never starts them by accident. */
    @Test
    void runWithoutArgumentsDoesNotPickThemUp() throws IOException {
        assertThat(SyncLoader.defaultFiles()).noneMatch(p -> p.toString().contains("examples"));
    }

    private static io.idra.testdb.Server server(ConnectorType type) {
        return type == ConnectorType.POSTGRES ? TestServers.postgres() : TestServers.mysql();
    }

    /** A copy of the example whose two connection strings, and nothing else, point at the test databases. */
    private static Path pointedAt(Path example, TestDatabase source, TestDatabase destination, Path dir)
            throws IOException {
        String text = Files.readString(example);
        Path copy = dir.resolve(example.getFileName());
        if (example.toString().endsWith(".json")) {
            ObjectNode root = (ObjectNode) JSON.readTree(text);
            rewrite((ObjectNode) root.get("source_connector"), source);
            rewrite((ObjectNode) root.get("destination_connector"), destination);
            Files.writeString(copy, root.toPrettyString());
        } else {
            Matcher m = YAML_CONNECTION.matcher(text);
            StringBuilder out = new StringBuilder();
            int count = 0;
            while (m.find()) {
                TestDatabase db = m.group(2).equals("source") ? source : destination;
                String value = JSON.readValue(m.group(3), String.class);
                m.appendReplacement(out, Matcher.quoteReplacement(
                        m.group(1) + JSON.writeValueAsString(pointed(value, db))));
                count++;
            }
            m.appendTail(out);
            assertThat(count).as("connection strings in " + example).isEqualTo(2);
            Files.writeString(copy, out.toString());
        }
        return copy;
    }

    private static void rewrite(ObjectNode connector, TestDatabase db) {
        connector.put("connection_string", pointed(connector.get("connection_string").asText(), db));
    }

    /**
     * The example's connection string with its server, login and database replaced by the test database's; its
     * other parameters (time zone, charset ...) are kept. sslmode is the test server's (no TLS).
     */
    static String pointed(String connectionString, TestDatabase db) {
        if (db.kind() == ConnectorType.POSTGRES) {
            assertThat(connectionString).as("examples use the libpq key=value form").doesNotContain("'", "://");
            String kept = Arrays.stream(connectionString.strip().split("\\s+"))
                    .filter(pair -> !List.of("host", "port", "user", "password", "dbname", "sslmode")
                            .contains(pair.substring(0, pair.indexOf('=')).strip()))
                    .collect(Collectors.joining(" "));
            return (db.libpqDsn() + " " + kept).strip();
        }
        assertThat(connectionString).as("examples use the go-sql-driver DSN form").contains("@tcp(");
        String dsn = db.goDsn();
        int query = connectionString.indexOf('?');
        return query < 0 ? dsn : dsn.substring(0, dsn.indexOf('?')) + connectionString.substring(query);
    }

    /** The source table an example names: its key column(s), its timestamp column if any, and a few values. */
    private static final class Table {
        private final String name;
        private final List<String> keys;
        private final String timestamp;

        Table(Sync sync) {
            this.name = sync.source().table();
            this.keys = sync.source().keyColumns();
            this.timestamp = sync.mode().usesTimestamp() ? sync.source().timestampField() : null;
            assertThat(sync.source().query()).as("examples read a table").isEmpty();
            assertThat(name).as("examples name a table without schema").doesNotContain(".");
        }

        private List<String> columns() {
            List<String> columns = new ArrayList<>(keys);
            if (timestamp != null) {
                columns.add(timestamp);
            }
            columns.addAll(List.of("name", "amount", "note"));
            return columns;
        }

        private String list(TestDatabase db, List<String> columns) {
            return columns.stream().map(db::quote).collect(Collectors.joining(", "));
        }

        void create(TestDatabase db) {
            boolean pg = db.kind() == ConnectorType.POSTGRES;
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(db.quote(name)).append(" (");
            for (String key : keys) {
                ddl.append(db.quote(key)).append(" bigint NOT NULL, ");
            }
            if (timestamp != null) {
                ddl.append(db.quote(timestamp)).append(pg ? " timestamp(6), " : " datetime(6), ");
            }
            ddl.append("name varchar(100), amount ").append(pg ? "numeric(12,2)" : "decimal(12,2)")
                    .append(", note text, PRIMARY KEY (").append(list(db, keys)).append("))");
            db.execute(ddl.toString());
            if (timestamp != null) { // the index docs/TROUBLESHOOTING.md advises for timestamp modes
                List<String> cursor = new ArrayList<>(List.of(timestamp));
                cursor.addAll(keys);
                db.execute("CREATE INDEX " + db.quote(name + "_cursor") + " ON " + db.quote(name)
                        + " (" + list(db, cursor) + ")");
            }
        }

        /** Rows {@code from..to}; a composite key counts 4 lines per order; three rows share each timestamp. */
        void insert(TestDatabase db, int from, int to, LocalDateTime base) throws SQLException {
            List<String> columns = columns();
            String sql = "INSERT INTO " + db.quote(name) + " (" + list(db, columns) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = from; i <= to; i++) {
                    int p = 1;
                    if (keys.size() == 1) {
                        ps.setLong(p++, i);
                    } else {
                        ps.setLong(p++, 1000 + (i - 1) / 4);
                        for (int k = 1; k < keys.size(); k++) {
                            ps.setLong(p++, (i - 1) % 4 + k);
                        }
                    }
                    if (timestamp != null) {
                        SampleTable.setTimestamp(ps, p++, base.plusSeconds((i - from) / 3));
                    }
                    ps.setString(p++, "row " + i + " è ✓");
                    ps.setBigDecimal(p++, java.math.BigDecimal.valueOf(i * 1234L, 2));
                    ps.setString(p, i % 5 == 0 ? null : "note " + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        /** Renames row {@code i} and moves its timestamp to {@code ts}. */
        void update(TestDatabase db, int i, LocalDateTime ts) throws SQLException {
            String where = keys.size() == 1 ? db.quote(keys.get(0)) + " = " + i
                    : db.quote(keys.get(0)) + " = " + (1000 + (i - 1) / 4) + " AND " + db.quote(keys.get(1))
                    + " = " + ((i - 1) % 4 + 1);
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE " + db.quote(name)
                    + " SET name = 'changed', " + db.quote(timestamp) + " = ? WHERE " + where)) {
                SampleTable.setTimestamp(ps, 1, ts);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }

        List<List<String>> rows(TestDatabase db) {
            return db.canonicalRows("SELECT " + list(db, columns()) + " FROM " + db.quote(name)
                    + " ORDER BY " + list(db, keys));
        }
    }
}
