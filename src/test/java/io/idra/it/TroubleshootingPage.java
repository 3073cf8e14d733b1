package io.idra.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders docs/TROUBLESHOOTING.md from the bad-input catalogue, so the page shows exactly what BadInputIT asserts. */
final class TroubleshootingPage {

    private static final String INTRO = """
            # Troubleshooting: every message, its cause, its fix

            <!-- Generated from src/test/java/io/idra/it/BadInputs.java by BadInputIT; do not edit by hand above
                 "## Common situations", which is written by hand and kept as it is.
                 After changing a message: mvn -B verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false
                 -Dit.test=BadInputIT -Didra.docs.write=true -->

            Each problem is one line on stderr, `error: sync '<sync_name>': <JSON path>: <what is wrong, what was
            expected>`; a record without a valid `sync_name` is named after its file, e.g. `<orders.json>` (`#2`
            for the third element of an array). `run` and `validate` exit with 1 when a record or a sync fails and
            with 2 on wrong usage; a record with errors never starts, and a sync that fails its checks writes
            nothing. Warnings start with `warning:` and change nothing about the exit code.

            Every message below is asserted, whole or up to its `…`, by `BadInputIT` against the packaged jar
            and real PostgreSQL and MariaDB servers, which also checks that nothing was written at the
            destination, that no offset was kept, and (with `SecretsIT`) that no password appears in any output
            or file. In the messages, `<src>` and `<dst>` stand for where a connector points, e.g.
            `postgresql://db:5432/school as app`; `<pg_host>`, `<my_db>`, `<closed_port>` and the like for the
            parts of a connection string. A message ending in `…` goes on with the database driver's own words
            (e.g. `Connection refused`, `Access denied for user ...`).
            Passwords are never printed.
            """;

    /** The page's hand-written end starts with this heading; rendering keeps it as it is. */
    static final String HAND_WRITTEN = "## Common situations";
    private static final Path PAGE = Path.of("docs", "TROUBLESHOOTING.md");

    private TroubleshootingPage() {
    }

    static String render(List<BadInput> catalogue) {
        Map<String, List<BadInput>> byCategory = new LinkedHashMap<>();
        catalogue.forEach(entry -> byCategory.computeIfAbsent(entry.category(), k -> new ArrayList<>())
                .add(entry));
        StringBuilder page = new StringBuilder(INTRO);
        byCategory.forEach((category, entries) -> {
            page.append("\n## ").append(category).append("\n\n");
            page.append("| Message | Exit | Cause | Fix |\n|---|---|---|---|\n");
            for (BadInput entry : entries) {
                page.append("| ").append(messages(entry)).append(" | ").append(entry.exitCode())
                        .append(" | ").append(cell(entry.cause())).append(" | ").append(cell(entry.fix()))
                        .append(" |\n");
            }
        });
        return page.append(handWritten()).toString();
    }

    /** The hand-written end of the page as it is now, from its blank line before {@link #HAND_WRITTEN}; or "". */
    private static String handWritten() {
        try {
            String text = Files.readString(PAGE);
            int at = text.indexOf("\n\n" + HAND_WRITTEN + "\n");
            return at < 0 ? "" : text.substring(at + 1);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messages(BadInput entry) {
        return entry.stderr().stream().map(TroubleshootingPage::code).collect(Collectors.joining("<br>"));
    }

    /** A code span; a message holding a backtick (a MySQL-quoted name) needs a longer fence. */
    private static String code(String message) {
        String text = cell(message.replaceAll("\\{([a-z_]+)}", "<$1>"));
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }

    /** GitHub ends a table cell at any '|', even inside a code span. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
