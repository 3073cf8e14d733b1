package io.idra.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docs page read the way the doc tests need it: the tables under a heading and the fenced code blocks with the
 * heading they sit under. Just enough Markdown for the pages of docs/, so that what a page shows can be checked
 * against the code.
 */
public final class MarkdownPage {

    /**
     * A fenced code block and the headings (outermost first) it sits under.
     *
     * @param line the 1-based line number of the block's first line inside the fence
     */
    public record Block(List<String> headings, String language, String text, int line) {
        /** The nearest heading, or "" above the first one. */
        public String heading() {
            return headings.isEmpty() ? "" : headings.get(headings.size() - 1);
        }
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final Path file;
    private final List<String> lines;

    private MarkdownPage(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static MarkdownPage read(String path) {
        Path file = Path.of(path);
        try {
            return new MarkdownPage(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * The inline-code names in the first cell of each body row of the first table after the heading line
     * {@code heading} (e.g. "## Connector"): a row "| `a`, `b` | ..." gives a and b.
     *
     * @throws IllegalStateException when the page has no such heading or no table under it
     */
    public List<String> firstColumnNames(String heading) {
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException(file + ": no heading line \"" + heading + "\"");
        }
        int i = at + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            if (lines.get(i).startsWith("#")) {
                throw new IllegalStateException(file + ": no table under \"" + heading + "\"");
            }
            i++;
        }
        List<String> names = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) { // after the header and |---| rows
            String firstCell = lines.get(i).substring(1).split("\\|", 2)[0];
            Matcher code = CODE.matcher(firstCell);
            while (code.find()) {
                names.add(code.group(1));
            }
        }
        return names;
    }

    /** Every fenced code block of the page (```lang ... ```), in page order. */
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                String language = trimmed.substring(3).strip();
                String indent = line.substring(0, line.indexOf('`'));
                StringBuilder text = new StringBuilder();
                int start = i + 2; // 1-based number of the first line inside the fence
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    String body = lines.get(i);
                    text.append(body.startsWith(indent) ? body.substring(indent.length()) : body).append('\n');
                }
                blocks.add(new Block(List.copyOf(headings), language, text.toString(), start));
            } else if (line.startsWith("#")) {
                int level = line.indexOf(' ');
                while (headings.size() >= level) {
                    headings.remove(headings.size() - 1);
                }
                while (headings.size() < level - 1) {
                    headings.add("");
                }
                headings.add(line.substring(level + 1).strip());
            }
        }
        return blocks;
    }

    /** The code blocks of one language ("json", "text", ...). */
    public List<Block> blocks(String language) {
        return blocks().stream().filter(b -> b.language().equals(language)).toList();
    }
}
