package io.idra.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue ({@link BadInputs}) against the packaged jar: each input gets exactly its lines on stderr
 * and its exit code, in under 30 s, with no stack trace; a failing one writes no row at the destination, creates
 * no table, drops nothing and keeps no offset. docs/TROUBLESHOOTING.md must be the catalogue as rendered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final Path PAGE = Path.of("docs", "TROUBLESHOOTING.md");
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** A stack frame, or a qualified exception class name as a stack trace's first line shows it. */
    private static final Pattern STACK_TRACE =
            Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\b[a-z]\\w*(\\.[a-z]\\w*)+\\.[A-Z]\\w*(Exception|Error)\\b");

    /** logback's pattern: time, level, logger, " - ", message. */
    private static final Pattern LOG_LINE = Pattern.compile("\\S+ (?:WARN|ERROR) +\\S+ - (.*)");

    private BadInputFixture fixture;
    private List<String> destinationTables;

    @BeforeAll
    void fixture() {
        fixture = new BadInputFixture();
        destinationTables = fixture.destinationTableNames();
    }

    @AfterAll
    void drop() {
        fixture.close();
    }

    static Stream<Named<BadInput>> catalogue() {
        return BadInputs.all().stream().map(entry -> Named.of(entry.id(), entry));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void answersWithItsLinesAndWritesNothing(BadInput entry, @TempDir Path dir) {
        IsolatedRun run = IsolatedRun.of(fixture, entry, dir);
        Jar.Result result = run.result();

        assertThat(run.took()).as("time taken").isLessThan(LIMIT);
        assertThat(result.exitCode()).as(result.all()).isEqualTo(entry.exitCode());
        assertLines(result.stderr().lines().toList(), entry.stderr(), fixture.placeholders());
        entry.stdout().forEach(line -> assertThat(result.stdout()).contains(fill(line)));
        assertThat(result.all()).doesNotContainPattern(STACK_TRACE);
        assertThat(fixture.sourceHasTable("keep_me")).as("source table keep_me").isTrue();
        assertThat(fixture.destinationTableNames()).as("destination tables").isEqualTo(destinationTables);
        assertThat(logged(result.stdout())).as("log lines at WARN or ERROR")
                .isSubsetOf(result.stderr().lines().map(BadInputIT::withoutLevel).toList());
        if (entry.fails()) {
            assertThat(fixture.destinationRowsOutsideTheWritableTable()).as("rows written").isZero();
            assertThat(run.storedOffsets()).as("offsets kept").isZero();
        } else {
            // the same probes see what a run that succeeds writes
            assertThat(fixture.my.count(BadInputFixture.WRITABLE_TABLE)).isEqualTo(BadInputFixture.SOURCE_ROWS);
            assertThat(run.storedOffsets()).as("offsets kept").isEqualTo(1);
        }
    }

    @Test
    void troubleshootingPageIsTheCatalogue() throws IOException {
        String page = TroubleshootingPage.render(BadInputs.all());
        if (Boolean.getBoolean("idra.docs.write")) {
            Files.writeString(PAGE, page);
        }
        assertThat(Files.readString(PAGE)).as("run with -Didra.docs.write=true to update " + PAGE).isEqualTo(page);
    }

    @Test
    void theCatalogueHasAtLeastThirtyEntriesWithDistinctIds() {
        List<String> ids = BadInputs.all().stream().map(BadInput::id).toList();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    }

    /** Whole lines, in order; a template ending in "…" must be followed by the driver's words. */
    static void assertLines(List<String> actual, List<String> templates, Map<String, String> placeholders) {
        assertThat(actual).as("stderr").hasSameSizeAs(templates);
        for (int i = 0; i < templates.size(); i++) {
            String expected = fill(templates.get(i), placeholders);
            if (BadInput.isPrefix(expected)) {
                String prefix = expected.substring(0, expected.length() - BadInput.DRIVER_WORDS.length());
                assertThat(actual.get(i)).startsWith(prefix).hasSizeGreaterThan(prefix.length());
            } else {
                assertThat(actual.get(i)).isEqualTo(expected);
            }
        }
    }

    /** The messages of log lines at WARN or ERROR: each must be one the user was told on stderr, nothing more. */
    private static List<String> logged(String stdout) {
        return stdout.lines().map(LOG_LINE::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }

    private static String withoutLevel(String line) {
        return line.replaceFirst("^(error|warning): ", "");
    }

    private String fill(String template) {
        return fill(template, fixture.placeholders());
    }

    private static String fill(String template, Map<String, String> placeholders) {
        String text = template;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace(placeholder.getKey(), placeholder.getValue());
        }
        return text;
    }
}
