package io.idra.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation holds together: README's "Documentation" list links every page of docs/, and every relative
 * link of README, docs/ and the examples' READMEs points at a file that exists and, for a "#anchor" into a
 * Markdown page, at a heading of that page (GitHub's anchor rules).
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?m)^\\s*```.*?^\\s*```\\s*$", Pattern.DOTALL);

    @Test
    void readmeLinksEveryDocsPage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String list = readme.substring(readme.indexOf("## Documentation"));
        Set<String> linked = new TreeSet<>();
        Matcher m = LINK.matcher(list);
        while (m.find()) {
            linked.add(m.group(1).split("#")[0]);
        }
        try (Stream<Path> pages = Files.list(Path.of("docs"))) {
            assertThat(pages.filter(p -> p.toString().endsWith(".md")).map(p -> "docs/" + p.getFileName()))
                    .as("pages of docs/ missing from README's Documentation list").allMatch(linked::contains);
        }
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("config/syncs/examples/README.md"),
                Path.of("routes/examples/README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            String text = FENCE.matcher(Files.readString(file)).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                String[] parts = target.split("#", 2);
                Path resolved = parts[0].isEmpty() ? file : file.resolveSibling(parts[0]).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(file + ": " + target + " (no such file)");
                } else if (parts.length == 2 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(parts[1])) {
                    broken.add(file + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as '-', "-1" etc. for repeats. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        String text = FENCE.matcher(Files.readString(page)).replaceAll("");
        for (String line : text.split("\n")) {
            if (line.matches("#{1,6} .*")) {
                String slug = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = slug;
                for (int i = 1; !anchors.add(unique); i++) {
                    unique = slug + "-" + i;
                }
            }
        }
        return anchors;
    }
}
