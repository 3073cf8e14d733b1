package io.idra.model;

import static io.idra.model.TestRecords.ID;
import static io.idra.model.TestRecords.all;
import static io.idra.model.TestRecords.json;
import static io.idra.model.TestRecords.remove;
import static io.idra.model.TestRecords.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.idra.model.TestRecords.Edit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Defaults, accepted spellings and warnings: records that load, with the values they load to. */
class SyncRecordValuesTest {

    @Test
    void fillsEveryDefaultOfAMinimalRecord() {
        LoadResult result = SyncReader.read(json(), "t.json");

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        Sync sync = result.syncs().get(0);
        assertThat(sync.id()).isEqualTo(ID);
        assertThat(sync.name()).isEqualTo("s1");
        assertThat(sync.mode()).isEqualTo(Mode.ID_FIELD);
        assertThat(sync.disabled()).isFalse();
        for (Connector c : List.of(sync.source(), sync.destination())) {
            assertThat(c.keyColumns()).containsExactly("id");
            assertThat(c.pollingSeconds()).isEqualTo(60);
            assertThat(c.batchSize()).isEqualTo(5000);
            assertThat(c.saveMode()).isEqualTo(SaveMode.UPSERT);
            assertThat(c.startOffset()).isZero();
            assertThat(c.database()).isEmpty();
            assertThat(c.query()).isEmpty();
            assertThat(c.timestampField()).isEmpty();
            assertThat(c.timestampFormat()).isEmpty();
            assertThat(c.attributes()).isEmpty();
        }
        assertThat(sync.source().type()).isEqualTo(ConnectorType.POSTGRES);
        assertThat(sync.destination().type()).isEqualTo(ConnectorType.MYSQL);
    }

    @Test
    void readsZeroEmptyAndNullAsTheDefaults() {
        Sync sync = loadOne(
                set("disabled", "null"),
                set("source_connector.id", "\"\""),
                set("source_connector.polling_time", "0"),
                set("source_connector.max_record_batch_size", "0"),
                set("source_connector.start_offset", "null"),
                set("source_connector.attributes", "null"),
                set("destination_connector.save_mode", "\"\""));

        assertThat(sync.disabled()).isFalse();
        assertThat(sync.source().keyColumns()).containsExactly("id");
        assertThat(sync.pollingSeconds()).isEqualTo(60);
        assertThat(sync.batchSize()).isEqualTo(5000);
        assertThat(sync.source().startOffset()).isZero();
        assertThat(sync.saveMode()).isEqualTo(SaveMode.UPSERT);
    }

    @Test
    void readsEveryFieldGiven() {
        Sync sync = loadOne(
                set("disabled", "true"),
                set("mode", "\"Timestamp\""),
                set("source_connector.database", "\"school\""),
                set("source_connector.polling_time", "15"),
                set("source_connector.max_record_batch_size", "1000"),
                set("source_connector.start_offset", "1700000000000"),
                set("source_connector.timestamp_field", "\"updated\""),
                set("source_connector.timestamp_field_format", "\"2006-01-02 15:04:05\""),
                set("source_connector.token", "\"tok\""),
                set("destination_connector.save_mode", "\"Insert\""));

        assertThat(sync.disabled()).isTrue();
        assertThat(sync.mode()).isEqualTo(Mode.TIMESTAMP);
        assertThat(sync.source().database()).isEqualTo("school");
        assertThat(sync.pollingSeconds()).isEqualTo(15);
        assertThat(sync.batchSize()).isEqualTo(1000);
        assertThat(sync.source().startOffset()).isEqualTo(1_700_000_000_000L);
        assertThat(sync.source().timestampField()).isEqualTo("updated");
        assertThat(sync.source().timestampFormat()).isEqualTo("2006-01-02 15:04:05");
        assertThat(sync.saveMode()).isEqualTo(SaveMode.INSERT);
    }

    @ParameterizedTest(name = "save_mode \"{0}\" is {1}")
    @CsvSource({"Insert, INSERT", "insert, INSERT", "INSERT, INSERT", "Upsert, UPSERT", "upsert, UPSERT",
            "Merge, UPSERT", "MERGE, UPSERT"})
    void acceptsTheSaveModesIgnoringCase(String text, SaveMode expected) {
        Sync sync = loadOne(set("destination_connector.save_mode", "\"" + text + "\""));

        assertThat(sync.destination().saveMode()).isEqualTo(expected);
    }

    @Test
    void acceptsIntegersAndBooleansWrittenAsStrings() {
        Sync sync = loadOne(
                set("disabled", "\"true\""),
                set("source_connector.polling_time", "\"30\""),
                set("source_connector.max_record_batch_size", "\"200\""),
                set("source_connector.start_offset", "\"7\""));

        assertThat(sync.disabled()).isTrue();
        assertThat(sync.pollingSeconds()).isEqualTo(30);
        assertThat(sync.batchSize()).isEqualTo(200);
        assertThat(sync.source().startOffset()).isEqualTo(7);
    }

    @ParameterizedTest(name = "in mode {0}")
    @CsvSource({"FullWithId", "IdField", "LastDestinationId"})
    void readsACompositeKeyTrimmingEachColumn(String mode) {
        Sync sync = loadOne(set("mode", "\"" + mode + "\""),
                set("source_connector.id", "\" tenant_id , order_id \""),
                set("destination_connector.id", "\"tenant_id,order_id\""));

        assertThat(sync.source().keyColumns()).containsExactly("tenant_id", "order_id");
        assertThat(sync.destination().keyColumns()).containsExactly("tenant_id", "order_id");
    }

    @Test
    void acceptsASourceQueryInsteadOfATable() {
        Sync sync = loadOne(remove("source_connector.table"),
                set("source_connector.query", "\"SELECT id, name FROM t WHERE active\""));

        assertThat(sync.source().hasQuery()).isTrue();
        assertThat(sync.source().table()).isEmpty();
    }

    @Test
    void convertsScalarAttributesToTextWithoutComplaint() {
        Sync sync = loadOne(set("source_connector.attributes",
                "{\"timestamp_delay_seconds\": 5, \"id_gap_wait_seconds\": \"30\", \"create_table\": true,"
                        + " \"add_missing_columns\": null}"));

        assertThat(sync.source().attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "timestamp_delay_seconds", "5", "id_gap_wait_seconds", "30",
                "create_table", "true", "add_missing_columns", ""));
    }

    @Test
    void fallsBackToTheSourceTimestampFieldWhenTheDestinationLeavesItEmpty() {
        Sync sync = loadOne(set("mode", "\"LastDestinationTimestamp\""),
                set("source_connector.timestamp_field", "\"changed_at\""),
                set("destination_connector.timestamp_field", "\"\""));

        assertThat(sync.destination().timestampField()).isEqualTo("changed_at");
    }

    @Test
    void keepsADestinationTimestampFieldThatDiffersFromTheSource() {
        Sync sync = loadOne(set("mode", "\"LastDestinationTimestamp\""),
                set("source_connector.timestamp_field", "\"changed_at\""),
                set("destination_connector.timestamp_field", "\"copied_at\""));

        assertThat(sync.destination().timestampField()).isEqualTo("copied_at");
    }

    @Test
    void reportsAMissingTimestampFieldOnlyOnTheSourceWhenBothLackIt() {
        LoadResult result = SyncReader.read(json(set("mode", "\"LastDestinationTimestamp\"")), "t.json");

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "sync 's1': source_connector.timestamp_field: required for mode LastDestinationTimestamp:"
                        + " expected the name of the timestamp column");
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                arguments(set("polling", "5"), "sync 's1': polling: unknown key, ignored"),
                arguments(set("source_connector.polling", "5"), "sync 's1': source_connector.polling: unknown key, ignored"),
                arguments(set("destination_connector.Table", "\"t\""),
                        "sync 's1': destination_connector.Table: unknown key, ignored"),
                arguments(set("source_connector.attributes", "{\"delay\": \"5\"}"),
                        "sync 's1': source_connector.attributes.delay: unknown attribute, kept but unused (known:"
                                + " add_missing_columns, create_table, id_gap_wait_seconds, timestamp_delay_seconds)"),
                arguments(set("source_connector.max_record_batch_size", "100001"),
                        "sync 's1': source_connector.max_record_batch_size: 100001 rows is above the maximum of 100000;"
                                + " capped at 100000"),
                arguments(set("source_connector.max_record_batch_size", "9223372036854775807"),
                        "sync 's1': source_connector.max_record_batch_size: 9223372036854775807 rows is above the maximum"
                                + " of 100000; capped at 100000"),
                arguments(set("destination_connector.max_record_batch_size", "123456789012345678901234567890"),
                        "sync 's1': destination_connector.max_record_batch_size: 123456789012345678901234567890 rows is above"
                                + " the maximum of 100000; capped at 100000"),
                arguments(all(set("mode", "\"FullWithId\""), set("destination_connector.save_mode", "\"Upsert\"")),
                        "sync 's1': destination_connector.save_mode: FullWithId is insert-only; save_mode Upsert is ignored"),
                arguments(all(set("mode", "\"FullWithId\""), set("destination_connector.save_mode", "\"merge\"")),
                        "sync 's1': destination_connector.save_mode: FullWithId is insert-only; save_mode Upsert is ignored"),
                arguments(set("key\nwith newline", "1"), "sync 's1': key\\u000awith newline: unknown key, ignored"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("warnings")
    void warnsButLoadsTheRecord(Edit edit, String expected) {
        LoadResult result = SyncReader.read(json(edit), "t.json");

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).containsExactly(expected);
        assertThat(result.syncs()).hasSize(1);
    }

    @Test
    void capsAHugeBatchSize() {
        Sync sync = loadOneWithWarnings(set("source_connector.max_record_batch_size", "9223372036854775807"));

        assertThat(sync.batchSize()).isEqualTo(100_000);
    }

    @Test
    void acceptsTheLargestBatchSizeWithoutWarning() {
        assertThat(loadOne(set("source_connector.max_record_batch_size", "100000")).batchSize()).isEqualTo(100_000);
    }

    @ParameterizedTest(name = "FullWithId with save_mode \"{0}\"")
    @CsvSource(value = {"''", "Insert"})
    void doesNotWarnAboutFullWithIdWhenUpsertIsNotStated(String saveMode) {
        Sync sync = loadOne(set("mode", "\"FullWithId\""), set("destination_connector.save_mode", "\"" + saveMode + "\""));

        assertThat(sync.saveMode()).isEqualTo(SaveMode.INSERT);
    }

    @Test
    void assignsTheSameIdAtEveryLoadWhenMissingSoOffsetsSurviveRestarts() {
        LoadResult first = SyncReader.read(json(remove("id")), "t.json");
        LoadResult second = SyncReader.read(json(set("id", "\"\"")), "t.json");

        String id = first.syncs().get(0).id();
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(second.syncs().get(0).id()).isEqualTo(id);
        assertThat(first.warnings()).isEmpty();
    }

    @Test
    void assignsAnIdSilentlyWhenTheOffsetLivesInTheDestination() {
        LoadResult result = SyncReader.read(json(set("id", "\"\""), set("mode", "\"LastDestinationId\"")), "t.json");

        assertThat(result.warnings()).isEmpty();
        assertThat(result.syncs().get(0).id()).hasSize(36);
    }

    private Sync loadOne(Edit... edits) {
        LoadResult result = SyncReader.read(json(edits), "t.json");
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        return result.syncs().get(0);
    }

    private Sync loadOneWithWarnings(Edit... edits) {
        LoadResult result = SyncReader.read(json(edits), "t.json");
        assertThat(result.errors()).isEmpty();
        return result.syncs().get(0);
    }
}
