package io.idra.model;

import io.idra.docs.MarkdownPage;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/SYNC-RECORD.md against the reader: its field tables list exactly the keys the reader accepts without an
 * "unknown key" warning, at record level ({@link RecordReader#KEYS}), connector level ({@link ConnectorReader#KEYS})
 * and in {@code attributes} ({@link Attributes#KNOWN}). A key added to the reader and not to the page, or a key the
 * page documents and the reader calls unknown, fails here.
 */
class SyncRecordReferenceTest {

    private static final MarkdownPage PAGE = MarkdownPage.read("docs/SYNC-RECORD.md");

    @Test
    void recordKeys() {
        sameKeys("## Sync", RecordReader.KEYS, "RecordReader.KEYS");
    }

    @Test
    void connectorKeys() {
        sameKeys("## Connector", ConnectorReader.KEYS, "ConnectorReader.KEYS");
    }

    @Test
    void attributes() {
        sameKeys("### `attributes`", Attributes.KNOWN, "Attributes.KNOWN");
    }

    /**
     * The model seen from the other side: every field a sync is rendered with (the parameters of a YAML route
     * file, one per JSON path) is a documented key, so a field added to {@link Sync} or {@link Connector} and
     * written out must be in the page too.
     */
    @Test
    void everyRenderedFieldIsDocumented() {
        LoadResult read = SyncReader.read(TestRecords.json(TestRecords.set("source_connector.attributes",
                "{\"timestamp_delay_seconds\": \"0\", \"id_gap_wait_seconds\": \"0\", \"create_table\": \"true\","
                        + " \"add_missing_columns\": \"false\"}")), "reference.json");
        assertThat(read.errors()).isEmpty();
        Set<String> documented = documented("## Sync");
        Set<String> connector = documented("## Connector");
        Set<String> attributes = documented("### `attributes`");
        for (String path : SyncParameters.of(read.syncs().get(0)).keySet()) {
            String[] parts = path.split("\\.");
            Set<String> table = parts.length == 1 ? documented : parts.length == 2 ? connector : attributes;
            assertThat(table).as("field %s of a rendered sync, in docs/SYNC-RECORD.md", path)
                    .contains(parts[parts.length - 1]);
        }
    }

    private static void sameKeys(String heading, Set<String> accepted, String constant) {
        Set<String> documented = documented(heading);
        Set<String> undocumented = new TreeSet<>(accepted);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(accepted);
        assertThat(undocumented).as("keys in %s missing from the table under '%s' of docs/SYNC-RECORD.md",
                constant, heading).isEmpty();
        assertThat(unknown).as("keys in the table under '%s' of docs/SYNC-RECORD.md that %s does not accept"
                + " (the reader warns 'unknown key')", heading, constant).isEmpty();
    }

    private static Set<String> documented(String heading) {
        return PAGE.firstColumnNames(heading).stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
