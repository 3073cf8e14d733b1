package io.idra.model;

import static io.idra.model.TestRecords.PASSWORD;
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
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Each way a single field can be wrong, with the exact problem it gives. */
class SyncRecordErrorsTest {

    private static final String MODES = "FullWithId, IdField, LastDestinationId, LastDestinationTimestamp, Timestamp";
    private static final String NAME_RULE = "expected a name matching ^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$ (it becomes a"
            + " Camel route id, a Quartz job name and a file name), got ";

    static Stream<Arguments> oneError() {
        return Stream.of(
                // sync_name: the record is then named after the file
                arguments(remove("sync_name"), "sync '<t.json>': sync_name: required: expected a non-empty name"),
                arguments(set("sync_name", "\"\""), "sync '<t.json>': sync_name: required: expected a non-empty name"),
                arguments(set("sync_name", "null"), "sync '<t.json>': sync_name: required: expected a non-empty name"),
                arguments(set("sync_name", "\"my sync\""), "sync '<t.json>': sync_name: " + NAME_RULE + "\"my sync\""),
                arguments(set("sync_name", "\"_hidden\""), "sync '<t.json>': sync_name: " + NAME_RULE + "\"_hidden\""),
                arguments(set("sync_name", "\"a/b\""), "sync '<t.json>': sync_name: " + NAME_RULE + "\"a/b\""),
                arguments(set("sync_name", "\"" + "n".repeat(101) + "\""),
                        "sync '<t.json>': sync_name: " + NAME_RULE + "\"" + "n".repeat(59) + "..."),
                arguments(set("sync_name", "5"), "sync '<t.json>': sync_name: expected a string, got 5"),
                // id, mode, disabled
                arguments(set("id", "42"), "sync 's1': id: expected a string, got 42"),
                arguments(remove("mode"), "sync 's1': mode: required: expected one of " + MODES),
                arguments(set("mode", "\"Full\""), "sync 's1': mode: expected one of " + MODES + ", got \"Full\""),
                arguments(set("mode", "\"idfield\""), "sync 's1': mode: expected one of " + MODES + ", got \"idfield\""),
                arguments(set("mode", "3"), "sync 's1': mode: expected one of " + MODES + ", got 3"),
                arguments(set("disabled", "\"yes\""), "sync 's1': disabled: expected true or false, got \"yes\""),
                arguments(set("disabled", "0"), "sync 's1': disabled: expected true or false, got 0"),
                // connectors as a whole
                arguments(remove("source_connector"), "sync 's1': source_connector: required: expected a connector object"),
                arguments(set("destination_connector", "\"x\""),
                        "sync 's1': destination_connector: expected a connector object, got \"x\""),
                arguments(set("source_connector", "[]"), "sync 's1': source_connector: expected a connector object, got an array"),
                // connector_source_type
                arguments(remove("source_connector.connector_source_type"),
                        "sync 's1': source_connector.connector_source_type: required: expected one of PostgresGORM, MysqlGORM"),
                arguments(set("source_connector.connector_source_type", "\"MssqlGORM\""),
                        "sync 's1': source_connector.connector_source_type: MssqlGORM is not supported yet"
                                + " (supported: PostgresGORM, MysqlGORM)"),
                arguments(set("destination_connector.connector_source_type", "\"KafkaConnector\""),
                        "sync 's1': destination_connector.connector_source_type: KafkaConnector is not supported yet"
                                + " (supported: PostgresGORM, MysqlGORM)"),
                arguments(set("source_connector.connector_source_type", "\"Postgres\""),
                        "sync 's1': source_connector.connector_source_type: unknown connector type \"Postgres\","
                                + " expected one of PostgresGORM, MysqlGORM"),
                arguments(set("source_connector.connector_source_type", "\"postgresgorm\""),
                        "sync 's1': source_connector.connector_source_type: unknown connector type \"postgresgorm\","
                                + " expected one of PostgresGORM, MysqlGORM"),
                arguments(set("source_connector.connector_source_type", "1"),
                        "sync 's1': source_connector.connector_source_type: expected a string, got 1"),
                // connection_string: never shown, not even when it has the wrong type
                arguments(remove("source_connector.connection_string"),
                        "sync 's1': source_connector.connection_string: required: expected a non-empty connection string"),
                arguments(set("destination_connector.connection_string", "\"  \""),
                        "sync 's1': destination_connector.connection_string: required: expected a non-empty connection string"),
                arguments(set("source_connector.connection_string", "5"),
                        "sync 's1': source_connector.connection_string: expected a string, got a number"),
                arguments(set("source_connector.connection_string", "{\"password\": \"" + PASSWORD + "\"}"),
                        "sync 's1': source_connector.connection_string: expected a string, got an object"),
                // table and query
                arguments(set("source_connector.table", "\"school..bimbi\""),
                        "sync 's1': source_connector.table: expected a table name or schema.table, got \"school..bimbi\""),
                arguments(set("destination_connector.table", "\"school.\""),
                        "sync 's1': destination_connector.table: expected a table name or schema.table, got \"school.\""),
                arguments(remove("source_connector.table"),
                        "sync 's1': source_connector.table: required: expected a table name, or a query in source_connector.query"),
                arguments(remove("destination_connector.table"),
                        "sync 's1': destination_connector.table: required: expected the name of the destination table"),
                arguments(set("destination_connector.query", "\"SELECT * FROM t\""),
                        "sync 's1': destination_connector.query: expected no query on the destination connector:"
                                + " a destination writes to its table"),
                arguments(set("destination_connector.table", "5"), "sync 's1': destination_connector.table: expected a string, got 5"),
                arguments(set("source_connector.query", "[\"SELECT 1\"]"),
                        "sync 's1': source_connector.query: expected a string, got an array"),
                // other strings
                arguments(set("source_connector.connector_name", "true"),
                        "sync 's1': source_connector.connector_name: expected a string, got true"),
                arguments(set("source_connector.database", "1"), "sync 's1': source_connector.database: expected a string, got 1"),
                arguments(set("source_connector.timestamp_field_format", "{}"),
                        "sync 's1': source_connector.timestamp_field_format: expected a string, got an object"),
                arguments(set("destination_connector.token", "7"), "sync 's1': destination_connector.token: expected a string, got 7"),
                // polling_time
                arguments(set("source_connector.polling_time", "\"sixty\""),
                        "sync 's1': source_connector.polling_time: expected an integer number of seconds, got \"sixty\""),
                arguments(set("source_connector.polling_time", "1.5"),
                        "sync 's1': source_connector.polling_time: expected an integer number of seconds, got 1.5"),
                arguments(set("source_connector.polling_time", "60.0"),
                        "sync 's1': source_connector.polling_time: expected an integer number of seconds, got 60.0"),
                arguments(set("source_connector.polling_time", "true"),
                        "sync 's1': source_connector.polling_time: expected an integer number of seconds, got true"),
                arguments(set("source_connector.polling_time", "-5"),
                        "sync 's1': source_connector.polling_time: expected an integer number of seconds from 0 to 2147483647"
                                + " (0 means 60), got -5"),
                arguments(set("source_connector.polling_time", "3000000000"),
                        "sync 's1': source_connector.polling_time: expected an integer number of seconds from 0 to 2147483647"
                                + " (0 means 60), got 3000000000"),
                // max_record_batch_size
                arguments(set("source_connector.max_record_batch_size", "-1"),
                        "sync 's1': source_connector.max_record_batch_size: expected an integer number of rows, 0 or more"
                                + " (0 means 5000), got -1"),
                arguments(set("source_connector.max_record_batch_size", "\"many\""),
                        "sync 's1': source_connector.max_record_batch_size: expected an integer number of rows, got \"many\""),
                arguments(set("destination_connector.max_record_batch_size", "2.0"),
                        "sync 's1': destination_connector.max_record_batch_size: expected an integer number of rows, got 2.0"),
                arguments(set("source_connector.max_record_batch_size", "1e30"),
                        "sync 's1': source_connector.max_record_batch_size: expected an integer number of rows, got 1.0E30"),
                // save_mode
                arguments(set("destination_connector.save_mode", "\"Replace\""),
                        "sync 's1': destination_connector.save_mode: expected Insert, Upsert or Merge, got \"Replace\""),
                arguments(set("source_connector.save_mode", "1"), "sync 's1': source_connector.save_mode: expected a string, got 1"),
                // start_offset
                arguments(set("source_connector.start_offset", "-1"),
                        "sync 's1': source_connector.start_offset: expected an integer from 0 to 9223372036854775807, got -1"),
                arguments(set("source_connector.start_offset", "9223372036854775808"),
                        "sync 's1': source_connector.start_offset: expected an integer from 0 to 9223372036854775807,"
                                + " got 9223372036854775808"),
                arguments(set("source_connector.start_offset", "\"abc\""),
                        "sync 's1': source_connector.start_offset: expected an integer key or epoch milliseconds, got \"abc\""),
                arguments(set("source_connector.start_offset", "1e3"),
                        "sync 's1': source_connector.start_offset: expected an integer key or epoch milliseconds, got 1000.0"),
                // key columns
                arguments(set("source_connector.id", "\"a,,b\""),
                        "sync 's1': source_connector.id: expected key column names separated by commas, got an empty name in \"a,,b\""),
                arguments(set("source_connector.id", "\"a,\""),
                        "sync 's1': source_connector.id: expected key column names separated by commas, got an empty name in \"a,\""),
                arguments(set("destination_connector.id", "\"a, b, a\""),
                        "sync 's1': destination_connector.id: expected distinct key column names, got \"a\" twice in \"a, b, a\""),
                arguments(set("destination_connector.id", "\"id,ID\""),
                        "sync 's1': destination_connector.id: expected distinct key column names, got \"ID\" twice in \"id,ID\""),
                arguments(set("source_connector.id", "7"), "sync 's1': source_connector.id: expected a string, got 7"),
                // attributes
                arguments(set("source_connector.attributes", "\"x\""),
                        "sync 's1': source_connector.attributes: expected an object of string values, got \"x\""),
                arguments(set("source_connector.attributes", "[1]"),
                        "sync 's1': source_connector.attributes: expected an object of string values, got an array"),
                arguments(set("destination_connector.attributes", "{\"create_table\": {\"on\": true}}"),
                        "sync 's1': destination_connector.attributes.create_table: expected a string value, got an object"),
                // timestamp_field in the timestamp modes
                arguments(all(set("mode", "\"Timestamp\""), remove("source_connector.timestamp_field")),
                        "sync 's1': source_connector.timestamp_field: required for mode Timestamp:"
                                + " expected the name of the timestamp column"),
                arguments(all(set("mode", "\"LastDestinationTimestamp\""), set("source_connector.timestamp_field", "\" \"")),
                        "sync 's1': source_connector.timestamp_field: required for mode LastDestinationTimestamp:"
                                + " expected the name of the timestamp column"),
                arguments(all(set("mode", "\"Timestamp\""), set("source_connector.timestamp_field", "5")),
                        "sync 's1': source_connector.timestamp_field: expected a string, got 5"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("oneError")
    void reportsExactlyOneProblemAndRejectsTheRecord(Edit edit, String expected) {
        LoadResult result = SyncReader.read(json(edit), "t.json");

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(expected);
        assertThat(result.syncs()).isEmpty();
        assertThat(result.ok()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("oneError")
    void neverShowsTheConnectionStringAndKeepsEachMessageOnOneLine(Edit edit, String ignored) {
        LoadResult result = SyncReader.read(json(edit), "t.json");

        assertThat(result.errors()).extracting(Problem::toString)
                .allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD).doesNotContain("\n"));
        assertThat(result.warnings()).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD));
    }

    @Test
    void reportsEveryProblemOfTheRecordAtOnceInReadingOrder() {
        String json = json(
                set("sync_name", "\"bad name\""),
                set("mode", "\"Sometimes\""),
                set("source_connector.polling_time", "\"sixty\""),
                set("source_connector.connector_source_type", "\"OracleGORM\""),
                remove("destination_connector.connection_string"),
                set("destination_connector.save_mode", "\"Replace\""),
                set("destination_connector.colour", "\"blue\""));

        LoadResult result = SyncReader.read(json, "bimbi.json");

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "sync '<bimbi.json>': sync_name: " + NAME_RULE + "\"bad name\"",
                "sync '<bimbi.json>': mode: expected one of " + MODES + ", got \"Sometimes\"",
                "sync '<bimbi.json>': source_connector.connector_source_type: OracleGORM is not supported yet"
                        + " (supported: PostgresGORM, MysqlGORM)",
                "sync '<bimbi.json>': source_connector.polling_time: expected an integer number of seconds, got \"sixty\"",
                "sync '<bimbi.json>': destination_connector.connection_string: required: expected a non-empty connection string",
                "sync '<bimbi.json>': destination_connector.save_mode: expected Insert, Upsert or Merge, got \"Replace\"");
        assertThat(result.warnings()).containsExactly(
                "sync '<bimbi.json>': destination_connector.colour: unknown key, ignored");
    }

    @Test
    void reportsEachBrokenRecordOfAnArrayUnderItsOwnLabelAndKeepsTheValidOnes() {
        String json = "[" + json(set("sync_name", "\"ok1\""), set("id", "\"a\""))
                + "," + json(remove("sync_name"), set("id", "\"b\""))
                + ", 42"
                + "," + json(set("sync_name", "\"broken\""), set("id", "\"c\""), set("source_connector.polling_time", "-1"))
                + "," + json(set("sync_name", "\"ok2\""), set("id", "\"d\"")) + "]";

        LoadResult result = SyncReader.read(json, "many.json");

        assertThat(result.syncs()).extracting(Sync::name).containsExactly("ok1", "ok2");
        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "sync '<many.json>#1': sync_name: required: expected a non-empty name",
                "sync '<many.json>#2': expected a sync object, got 42",
                "sync 'broken': source_connector.polling_time: expected an integer number of seconds from 0 to 2147483647"
                        + " (0 means 60), got -1");
    }
}
