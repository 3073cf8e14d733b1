package io.idra.connect;

import io.idra.docs.MarkdownPage;
import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every worked example of docs/CONNECTIONS.md, parsed with {@link ConnectionStrings} for the engine of the section
 * it is in: each "→" line the page shows must be what the parser returns, and a line it leaves out must be empty.
 * Every accepted form of each engine must have an example.
 */
class ConnectionsPageTest {

    private static final String PAGE = "docs/CONNECTIONS.md";

    /** One example: the connection string, the connector's database, and the "→ key: value" lines shown. */
    record Example(ConnectorType engine, String connectionString, String database, Map<String, String> shown,
                   String where) {
    }

    static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (MarkdownPage.Block block : MarkdownPage.read(PAGE).blocks("text")) {
            ConnectorType engine = engine(block.headings());
            String connection = null;
            String database = "";
            Map<String, String> shown = new LinkedHashMap<>();
            int line = block.line();
            int start = line;
            for (String text : (block.text() + "\n").split("\n", -1)) {
                if (text.isBlank()) {
                    if (connection != null) {
                        examples.add(new Example(engine, connection, database, shown, PAGE + ":" + start));
                    }
                    connection = null;
                    database = "";
                    shown = new LinkedHashMap<>();
                } else if (!text.startsWith(" ")) {
                    assertThat(connection).as("%s:%d: a connection string line after another without a blank line",
                            PAGE, line).isNull();
                    connection = text;
                    start = line;
                } else if (text.strip().startsWith("database:")) {
                    database = text.strip().substring("database:".length()).strip();
                } else {
                    String result = text.strip();
                    assertThat(result).as("%s:%d", PAGE, line).startsWith("→ ").contains(": ");
                    int colon = result.indexOf(": ");
                    shown.put(result.substring(2, colon), result.substring(colon + 2));
                }
                line++;
            }
        }
        return examples;
    }

    private static ConnectorType engine(List<String> headings) {
        for (String heading : headings) {
            if (heading.contains("PostgresGORM")) {
                return ConnectorType.POSTGRES;
            }
            if (heading.contains("MysqlGORM")) {
                return ConnectorType.MYSQL;
            }
        }
        throw new IllegalStateException(PAGE + ": a text block outside the PostgresGORM and MysqlGORM sections");
    }

    @Test
    void everyExampleParsesAsShown() {
        List<Example> examples = examples();
        assertThat(examples).hasSizeGreaterThan(10);
        for (Example example : examples) {
            String as = example.where() + " " + example.connectionString();
            Map<String, String> shown = new LinkedHashMap<>(example.shown());
            if (shown.containsKey("error")) {
                assertThat(shown.keySet()).as(as).containsExactly("error");
                assertThatThrownBy(() -> ConnectionStrings.parse(example.engine(), example.connectionString(),
                        example.database())).as(as).isInstanceOf(InvalidConnectionStringException.class)
                        .hasMessage(shown.get("error"));
                continue;
            }
            JdbcTarget target = ConnectionStrings.parse(example.engine(), example.connectionString(),
                    example.database());
            assertThat(shown.keySet()).as(as).isSubsetOf("url", "user", "password", "properties", "zone", "ignored");
            assertThat(target.type()).as(as).isEqualTo(example.engine());
            assertThat(target.jdbcUrl()).as(as + ": url").isEqualTo(shown.get("url"));
            assertThat(orEmpty(target.user())).as(as + ": user").isEqualTo(shown.getOrDefault("user", ""));
            assertThat(orEmpty(target.password())).as(as + ": password")
                    .isEqualTo(shown.getOrDefault("password", ""));
            assertThat(target.properties()).as(as + ": properties")
                    .isEqualTo(properties(shown.getOrDefault("properties", "")));
            assertThat(orEmpty(target.timeZone())).as(as + ": zone").isEqualTo(shown.getOrDefault("zone", ""));
            assertThat(String.join(", ", target.ignoredKeys())).as(as + ": ignored")
                    .isEqualTo(shown.getOrDefault("ignored", ""));
        }
    }

    /** The page shows every syntax the parser accepts, for the engine whose section it is in. */
    @Test
    void everyAcceptedFormHasAWorkedExample() {
        Set<Syntax> shown = EnumSet.noneOf(Syntax.class);
        for (Example example : examples()) {
            if (!example.shown().containsKey("error")) {
                Syntax syntax = Syntax.detect(example.connectionString()).orElseThrow();
                assertThat(syntax.engine).as(example.where()).isEqualTo(example.engine());
                shown.add(syntax);
            }
        }
        Set<Syntax> accepted = EnumSet.allOf(Syntax.class);
        accepted.remove(Syntax.MYSQL_URI); // recognised only to be rejected
        assertThat(shown).isEqualTo(accepted);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, String> properties(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(", ")) {
                int eq = pair.indexOf('=');
                properties.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return properties;
    }
}
