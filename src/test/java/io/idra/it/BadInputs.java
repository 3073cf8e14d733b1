package io.idra.it;

import io.idra.model.Mode;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.idra.it.BadInput.DRIVER_WORDS;
import static io.idra.it.BadInput.Invocation.runOnce;

/**
 * The bad-input catalogue: every way a user commonly gets a sync wrong, with the one line the program answers.
 * BadInputIT runs each entry against the real jar and databases; docs/TROUBLESHOOTING.md is rendered from it.
 */
final class BadInputs {

    private static final String MODES = "FullWithId, IdField, LastDestinationId, LastDestinationTimestamp, Timestamp";
    private static final String TYPES = "PostgresGORM, MysqlGORM";
    private static final String ITEMS_COLUMNS = "[id, n, big, amount, name, note, flag, day, ts]";

    private BadInputs() {
    }

    static List<BadInput> all() {
        List<BadInput> all = new ArrayList<>();
        all.addAll(files());
        all.addAll(fields());
        all.addAll(connectionStrings());
        all.addAll(tables());
        all.addAll(connections());
        all.addAll(program());
        return all;
    }

    private static List<BadInput> files() {
        String c = "Sync files";
        return List.of(
                fails(c, "malformed_json", file("{\"sync_name\": \"malformed_json\",, \"mode\": \"IdField\"}"),
                        "error: sync '<malformed_json.json>': malformed JSON at line 1, column 32: Unexpected"
                                + " character (',' (code 44)): was expecting double-quote to start field name",
                        "The file is not JSON (here two commas in a row).",
                        "Correct the file at the line and column given."),
                fails(c, "trailing_comma", file("{\"sync_name\": \"trailing_comma\", \"mode\": \"IdField\",}"),
                        "error: sync '<trailing_comma.json>': malformed JSON at line 1, column 51: trailing comma"
                                + " before '}': JSON allows no comma after the last entry; remove it",
                        "A comma after the last key of an object or the last element of an array.",
                        "Remove that comma."),
                fails(c, "empty_file", file(""),
                        "error: sync '<empty_file.json>': empty file: expected a sync object or an array of sync"
                                + " objects",
                        "The file is empty or holds only blanks.",
                        "Write a sync object, or an array of them, into it."),
                fails(c, "not_an_object", file("[1]"),
                        "error: sync '<not_an_object.json>#0': expected a sync object, got 1",
                        "An element of the array is not an object; `#0` is its position.",
                        "Make every element a sync object."),
                fails(c, "file_not_found", (f, in, id) -> runOnce(id + ".json"),
                        "error: sync '<file_not_found.json>': file not found: ../in/file_not_found.json",
                        "No file at the path given on the command line.",
                        "Check the path; it is relative to the directory the program runs in."),
                fails(c, "duplicate_name", (f, in, id) -> {
                    Files.writeString(in.resolve(id + "_a.json"), f.record(id, Mode.ID_FIELD).toString());
                    Files.writeString(in.resolve(id + "_b.json"), f.record(id, Mode.ID_FIELD).toString());
                    return runOnce(id + "_a.json", id + "_b.json");
                }, "error: sync 'duplicate_name': sync_name: expected a unique name, already used by an earlier sync"
                        + " in ../in/duplicate_name_a.json",
                        "Two records, here in two files, have the same sync_name (compared ignoring case).",
                        "Rename one: the name keys the route, the logs and the metrics."),
                fails(c, "duplicate_id", (f, in, id) -> {
                    String sameId = "\"11111111-2222-3333-4444-555555555555\"";
                    Files.writeString(in.resolve(id + "_a.json"),
                            f.record(id + "_a", Mode.ID_FIELD).set("id", sameId).toString());
                    Files.writeString(in.resolve(id + "_b.json"),
                            f.record(id + "_b", Mode.ID_FIELD).set("id", sameId).toString());
                    return runOnce(id + "_a.json", id + "_b.json");
                }, "error: sync 'duplicate_id_b': id: expected a unique id, \"11111111-2222-3333-4444-555555555555\""
                        + " is already used by sync 'duplicate_id_a' in ../in/duplicate_id_a.json",
                        "Two records have the same id: offsets are kept by id, so they would share one.",
                        "Give the copied record a new UUID (or an empty id for a generated one)."));
    }

    private static List<BadInput> fields() {
        String c = "Field values";
        return List.of(
                fails(c, "sync_name_invalid", record(Mode.ID_FIELD, r -> r.setText("sync_name", "bad name!")),
                        "error: sync '<sync_name_invalid.json>': sync_name: expected a name matching"
                                + " ^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$ (it becomes a Camel route id, a Quartz job name"
                                + " and a file name), got \"bad name!\"",
                        "The sync_name has characters a route id or file name cannot hold.",
                        "Use letters, digits, `_`, `.` and `-` only."),
                fails(c, "mode_unknown", record(Mode.ID_FIELD, r -> r.setText("mode", "Sometimes")),
                        "error: sync 'mode_unknown': mode: expected one of " + MODES + ", got \"Sometimes\"",
                        "The mode is not one of the five modes (names are case-sensitive).",
                        "Write one of the modes listed."),
                fails(c, "mode_missing", record(Mode.ID_FIELD, r -> r.remove("mode")),
                        "error: sync 'mode_missing': mode: required: expected one of " + MODES,
                        "The record has no mode.",
                        "Add one of the modes listed."),
                fails(c, "disabled_text", record(Mode.ID_FIELD, r -> r.setText("disabled", "yes")),
                        "error: sync 'disabled_text': disabled: expected true or false, got \"yes\"",
                        "A boolean field holds something else.",
                        "Write true or false (quoted or not)."),
                fails(c, "connector_not_object", record(Mode.ID_FIELD,
                                r -> r.setText("destination_connector", "x")),
                        "error: sync 'connector_not_object': destination_connector: expected a connector object,"
                                + " got \"x\"",
                        "A connector is not a JSON object.",
                        "Write the connector as an object with its keys."),
                fails(c, "polling_time_text", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.polling_time", "abc")),
                        "error: sync 'polling_time_text': source_connector.polling_time: expected an integer number"
                                + " of seconds, got \"abc\"",
                        "A number field holds text that is not a whole number.",
                        "Write a whole number of seconds, e.g. 60."),
                fails(c, "polling_time_negative", record(Mode.ID_FIELD,
                                r -> r.set("source_connector.polling_time", "-5")),
                        "error: sync 'polling_time_negative': source_connector.polling_time: expected an integer"
                                + " number of seconds from 0 to 2147483647 (0 means 60), got -5",
                        "A negative polling time.",
                        "Write 0 (60 seconds) or more."),
                fails(c, "batch_size_fraction", record(Mode.ID_FIELD,
                                r -> r.set("source_connector.max_record_batch_size", "1.5")),
                        "error: sync 'batch_size_fraction': source_connector.max_record_batch_size: expected an"
                                + " integer number of rows, got 1.5",
                        "A row count that is not a whole number.",
                        "Write a whole number of rows; 0 means 5000."),
                new BadInput(c, "batch_size_huge", record(Mode.ID_FIELD, r -> r
                        .setText("destination_connector.table", BadInputFixture.WRITABLE_TABLE)
                        .set("source_connector.max_record_batch_size", "9223372036854775807")), 0,
                        List.of("warning: sync 'batch_size_huge': source_connector.max_record_batch_size:"
                                + " 9223372036854775807 rows is above the maximum of 100000; capped at 100000"),
                        List.of("sync 'batch_size_huge': OK, " + BadInputFixture.SOURCE_ROWS + " rows copied"),
                        "A batch size above 100000 rows (the sync still runs, with 100000).",
                        "Write 100000 or less to silence the warning: larger batches only cost memory."),
                fails(c, "connection_string_number", record(Mode.ID_FIELD,
                                r -> r.set("source_connector.connection_string", "5")),
                        "error: sync 'connection_string_number': source_connector.connection_string: expected a"
                                + " string, got a number",
                        "The connection string is not a string (its value is never shown: it may hold a password).",
                        "Write the connection string as a JSON string."),
                fails(c, "type_unknown", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.connector_source_type", "OracleDB")),
                        "error: sync 'type_unknown': source_connector.connector_source_type: unknown connector type"
                                + " \"OracleDB\", expected one of " + TYPES,
                        "A connector type that Idra does not know.",
                        "Write PostgresGORM or MysqlGORM (MySQL and MariaDB)."),
                fails(c, "type_unsupported", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.connector_source_type", "MssqlGORM")),
                        "error: sync 'type_unsupported': source_connector.connector_source_type: MssqlGORM is not"
                                + " supported yet (supported: " + TYPES + ")",
                        "A connector type Idra has but this product does not support yet.",
                        "Keep the sync in Idra, or move the table to PostgreSQL or MySQL."),
                fails(c, "table_missing_name", record(Mode.ID_FIELD, r -> r.remove("destination_connector.table")),
                        "error: sync 'table_missing_name': destination_connector.table: required: expected the name"
                                + " of the destination table",
                        "The destination connector names no table.",
                        "Add the table (a query is only for sources)."),
                fails(c, "table_empty_part", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.table", "public..items")),
                        "error: sync 'table_empty_part': source_connector.table: expected a table name or"
                                + " schema.table, got \"public..items\"",
                        "A table name with an empty part around a dot.",
                        "Write `table` or `schema.table`."));
    }

    private static List<BadInput> connectionStrings() {
        String c = "Connection strings";
        String pg = "host={pg_host} port={pg_port} user={pg_user} ";
        String my = "{my_user}:" + BadInputFixture.MY_PASSWORD + "@tcp({my_host}:{my_port}";
        return List.of(
                source(c, "libpq_missing_equals", pg.replace("port=", "port ")
                                + "password=" + BadInputFixture.PG_PASSWORD + " dbname={pg_db}",
                        "libpq DSN: missing '=' after key 'port'",
                        "A key of a key=value string has no `=`.",
                        "Write every setting as key=value."),
                source(c, "libpq_unterminated_quote", pg + "password='" + BadInputFixture.PG_PASSWORD
                                + " dbname={pg_db}",
                        "libpq DSN: unterminated quoted value for key 'password'",
                        "A value opened with `'` is not closed.",
                        "Close the quote; write `\\'` for a quote inside the value."),
                source(c, "postgres_uri_bad_port", "postgres://{pg_user}:" + BadInputFixture.PG_PASSWORD
                                + "@{pg_host}:54x32/{pg_db}",
                        "postgres URI: bad port after host '{pg_host}' (expected 1-65535; write '/' and '?' in a"
                                + " password as %2F and %3F)",
                        "The port is not a number, often because a `/` or `?` in the password ended the host part.",
                        "Fix the port, or percent-encode the password."),
                source(c, "postgres_uri_bad_escape", "postgres://{pg_user}:S3cr3t%zz@{pg_host}:{pg_port}/{pg_db}",
                        "postgres URI: invalid percent-encoding in the password",
                        "A `%` not followed by two hex digits.",
                        "Write `%` itself as %25."),
                destination(c, "go_dsn_unclosed", my + "/{my_db}",
                        "go-sql-driver DSN: network address not terminated (missing ')')",
                        "`tcp(` without its `)`.",
                        "Write user:password@tcp(host:port)/dbname."),
                destination(c, "go_dsn_no_database", my + ")",
                        "go-sql-driver DSN: missing '/' before the database name (expected"
                                + " user:password@tcp(host:port)/dbname)",
                        "A go-sql-driver string without `/dbname`.",
                        "Add the database after a `/`."),
                destination(c, "jdbc_unsupported_driver", "jdbc:oracle:thin:@//{my_host}:1521/x",
                        "JDBC URL: unsupported driver; expected jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:",
                        "A JDBC URL for a driver this product does not ship.",
                        "Use a PostgreSQL, MySQL or MariaDB URL."),
                destination(c, "jdbc_unencoded_slash", "jdbc:mysql://{my_user}:S3cr3t/my@{my_host}:{my_port}/{my_db}",
                        "JDBC URL: '/', '?' and '@' in a user name or password must be percent-encoded (%2F, %3F,"
                                + " %40)",
                        "A `/`, `?` or `@` in the user name or password of a JDBC URL.",
                        "Percent-encode it, or pass ?user=...&password=... instead."),
                destination(c, "wrong_engine", "host={my_host} user={my_user} dbname={my_db}",
                        "this looks like a PostgreSQL connection string, but connector_source_type is MysqlGORM",
                        "The string is written for the other engine.",
                        "Fix connector_source_type or the connection string."));
    }

    private static List<BadInput> tables() {
        String c = "Tables and columns";
        return List.of(
                fails(c, "source_table_missing", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.table", "no_such_table")),
                        "error: sync 'source_table_missing': source_connector.table: table 'no_such_table' does not"
                                + " exist in {src}",
                        "No such table or view in the source database (or schema, for PostgreSQL).",
                        "Check the name, the database in the connection string and the `database` field."),
                fails(c, "destination_table_missing", record(Mode.ID_FIELD, r -> r
                                .setText("destination_connector.table", "no_such_table")
                                .set("destination_connector.attributes", "{\"create_table\": \"false\"}")),
                        "error: sync 'destination_table_missing': destination_connector.table: table 'no_such_table'"
                                + " does not exist in {dst} (the destination attribute create_table is \"false\")",
                        "The destination table does not exist and may not be created.",
                        "Create it, or drop the create_table attribute to have it created from the source."),
                fails(c, "sql_in_source_table", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.table", "items; DROP TABLE keep_me")),
                        "error: sync 'sql_in_source_table': source_connector.table: table 'items; DROP TABLE"
                                + " keep_me' does not exist in {src}",
                        "SQL in a table name is a name like any other: it is quoted, never run.",
                        "Write the table's name only."),
                fails(c, "sql_in_destination_table", record(Mode.ID_FIELD, r -> r
                                .setText("destination_connector.table", "items`; DROP TABLE keep_me; --")
                                .set("destination_connector.attributes", "{\"create_table\": \"false\"}")),
                        "error: sync 'sql_in_destination_table': destination_connector.table: table"
                                + " 'items`; DROP TABLE keep_me; --' does not exist in {dst} (the destination"
                                + " attribute create_table is \"false\")",
                        "The same at the destination, with the engine's quote character in the name.",
                        "Write the table's name only."),
                fails(c, "key_column_missing", record(Mode.ID_FIELD, r -> r
                                .setText("source_connector.id", "nokey").setText("destination_connector.id", "nokey")),
                        "error: sync 'key_column_missing': source_connector.id: column 'nokey' is not among the"
                                + " source columns " + ITEMS_COLUMNS,
                        "The connector's `id` (the key column) is not a column of the table.",
                        "Name the key column in `id`; a comma list for a composite key."),
                fails(c, "timestamp_column_missing", record(Mode.TIMESTAMP, r -> r
                                .setText("source_connector.timestamp_field", "changed_at")),
                        "error: sync 'timestamp_column_missing': source_connector.timestamp_field: column"
                                + " 'changed_at' is not among the source columns " + ITEMS_COLUMNS,
                        "The timestamp_field is not a column of the table.",
                        "Name the column that holds the change time."),
                fails(c, "timestamp_text", record(Mode.TIMESTAMP, r -> r
                                .setText("source_connector.table", "texts")
                                .setText("destination_connector.table", "texts")
                                .setText("source_connector.timestamp_field", "ts")),
                        "error: sync 'timestamp_text': source_connector.timestamp_field: column 'ts' has type text;"
                                + " mode Timestamp orders rows by it, so it needs a date or timestamp type (or, for"
                                + " text, source_connector.timestamp_field_format with the Go layout of its values)",
                        "The timestamp column holds text, which sorts as text, not as time.",
                        "Point at a date/time column, or set timestamp_field_format (e.g. `2006-01-02 15:04:05`)."),
                fails(c, "timestamp_boolean", record(Mode.LAST_DESTINATION_TIMESTAMP, r -> r
                                .setText("source_connector.table", "texts")
                                .setText("destination_connector.table", "texts")
                                .setText("source_connector.timestamp_field", "flag")),
                        "error: sync 'timestamp_boolean': source_connector.timestamp_field: column 'flag' has type"
                                + " bool; mode LastDestinationTimestamp orders rows by it, so it needs a date or"
                                + " timestamp type (or, for text, source_connector.timestamp_field_format with the Go"
                                + " layout of its values)",
                        "The timestamp column is not a time at all.",
                        "Point at the column that holds the change time."),
                fails(c, "key_without_order", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.table", "docs")),
                        "error: sync 'key_without_order': source_connector.id: column 'id' has type json, which has"
                                + " no order; mode IdField reads rows in key order, so a key column needs an orderable"
                                + " type (a number, text, a date/time or a uuid)",
                        "The key column's type cannot be sorted (json, xml, geometric types).",
                        "Use a key of an orderable type."),
                fails(c, "destination_without_key", record(Mode.ID_FIELD,
                                r -> r.setText("destination_connector.table", "nopk")),
                        "error: sync 'destination_without_key': destination_connector.id: table 'nopk' has no"
                                + " PRIMARY KEY or UNIQUE index on exactly [id]; one is needed to skip or update rows"
                                + " already copied, so that no row is ever duplicated",
                        "Without a unique key on the key columns a retried batch would duplicate rows.",
                        "Add a PRIMARY KEY or UNIQUE index on exactly the key columns."),
                fails(c, "query_fails", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.query", "SELECT * FRM items")),
                        "error: sync 'query_fails': source_connector.query: the query fails: " + DRIVER_WORDS,
                        "The source query does not run; the database says why (e.g. `ERROR: syntax error at or"
                                + " near \"FRM\"`).",
                        "Run the query in a SQL client and fix it."),
                fails(c, "source_permission_denied", record(Mode.ID_FIELD,
                                r -> r.setText("source_connector.table", "secret_items")),
                        "error: sync 'source_permission_denied': source_connector.table: cannot read table"
                                + " 'secret_items': " + DRIVER_WORDS,
                        "The user of the connection string may not read the table (e.g. `ERROR: permission denied"
                                + " for table secret_items`).",
                        "GRANT SELECT on it to that user."));
    }

    private static List<BadInput> connections() {
        String c = "Connections";
        return List.of(
                fails(c, "wrong_password", record(Mode.ID_FIELD, r -> r.setText("destination_connector"
                                + ".connection_string", "{my_user}:" + BadInputFixture.WRONG_PASSWORD
                                + "@tcp({my_host}:{my_port})/{my_db}")),
                        "error: sync 'wrong_password': destination_connector.connection_string: cannot connect to"
                                + " {dst}: " + DRIVER_WORDS,
                        "The server refused the user or password (e.g. `Access denied for user 'app'@'10.0.0.5'"
                                + " (using password: YES)`); the password is never shown.",
                        "Check the password; percent-encode it in URLs."),
                fails(c, "database_missing", record(Mode.ID_FIELD, r -> r.setText("source_connector"
                                + ".connection_string", "host={pg_host} port={pg_port} user={pg_user}"
                                + " password=" + BadInputFixture.PG_PASSWORD + " dbname=no_such_db")),
                        "error: sync 'database_missing': source_connector.connection_string: cannot connect to"
                                + " postgresql://{pg_host}:{pg_port}/no_such_db as {pg_user}: " + DRIVER_WORDS,
                        "The database named in the connection string does not exist (e.g. `FATAL: database"
                                + " \"no_such_db\" does not exist`).",
                        "Fix dbname (PostgreSQL) or the /dbname part."),
                fails(c, "port_closed_source", record(Mode.ID_FIELD, r -> r.setText("source_connector"
                                + ".connection_string", "host=127.0.0.1 port={closed_port} user={pg_user}"
                                + " password=" + BadInputFixture.PG_PASSWORD + " dbname={pg_db}")),
                        "error: sync 'port_closed_source': source_connector.connection_string: cannot connect to"
                                + " postgresql://127.0.0.1:{closed_port}/{pg_db} as {pg_user}: " + DRIVER_WORDS,
                        "Nothing listens at that host and port (`Connection refused`); the sync fails within 10 s.",
                        "Check host and port, and that the server runs and accepts TCP connections."),
                fails(c, "port_closed_destination", record(Mode.ID_FIELD, r -> r.setText("destination_connector"
                                + ".connection_string", "{my_user}:" + BadInputFixture.MY_PASSWORD
                                + "@tcp(127.0.0.1:{closed_port})/{my_db}")),
                        "error: sync 'port_closed_destination': destination_connector.connection_string: cannot"
                                + " connect to mysql://127.0.0.1:{closed_port}/{my_db} as {my_user}: " + DRIVER_WORDS,
                        "The same for a MySQL destination.",
                        "Check host and port, and that the server runs and accepts TCP connections."),
                fails(c, "server_silent_source", record(Mode.ID_FIELD, r -> r.setText("source_connector"
                                + ".connection_string", "host=127.0.0.1 port={silent_port} user={pg_user}"
                                + " password=" + BadInputFixture.PG_PASSWORD + " dbname={pg_db}")),
                        "error: sync 'server_silent_source': source_connector.connection_string: cannot connect to"
                                + " postgresql://127.0.0.1:{silent_port}/{pg_db} as {pg_user}: " + DRIVER_WORDS,
                        "Something takes the connection but never answers (a hung server, a wrong port behind a"
                                + " proxy); the driver gives up after 5 s (`Connection attempt timed out.`).",
                        "Check that the port is the database's; set connect_timeout to wait longer."),
                fails(c, "server_silent_destination", record(Mode.ID_FIELD, r -> r.setText("destination_connector"
                                + ".connection_string", "{my_user}:" + BadInputFixture.MY_PASSWORD
                                + "@tcp(127.0.0.1:{silent_port})/{my_db}")),
                        "error: sync 'server_silent_destination': destination_connector.connection_string: cannot"
                                + " connect to mysql://127.0.0.1:{silent_port}/{my_db} as {my_user}: no connection"
                                + " within 10 s: the server accepted the connection but did not answer, or every"
                                + " pooled connection stayed busy",
                        "The same for MySQL, whose driver waits for the server's greeting as long as the pool does.",
                        "Check that the port is the database's."));
    }

    private static List<BadInput> program() {
        String c = "Program";
        return List.of(
                fails(c, "state_store_unreachable", (f, in, id) -> {
                    Files.writeString(in.resolve(id + ".json"), f.record(id, Mode.ID_FIELD).toString());
                    BadInput.Invocation run = runOnce(id + ".json");
                    return new BadInput.Invocation(List.of("-Didra.state.url=jdbc:postgresql://127.0.0.1:"
                            + f.closedPort + "/idra"), run.args());
                }, "error: cannot open the state store (idra.state.url): " + DRIVER_WORDS,
                        "The state store (offsets) cannot be opened (e.g. `Connection refused`); no sync starts.",
                        "Fix idra.state.url (config/application.properties, -D or IDRA_STATE_URL)."),
                new BadInput(c, "validate_lists_every_problem", (f, in, id) -> {
                    Files.writeString(in.resolve(id + ".json"), f.record(id, Mode.ID_FIELD)
                            .setText("mode", "Sometimes").set("source_connector.polling_time", "-5").toString());
                    return BadInput.Invocation.of(List.of("validate"), id + ".json");
                }, 1, List.of(
                        "error: sync 'validate_lists_every_problem': mode: expected one of " + MODES
                                + ", got \"Sometimes\"",
                        "error: sync 'validate_lists_every_problem': source_connector.polling_time: expected an"
                                + " integer number of seconds from 0 to 2147483647 (0 means 60), got -5"), List.of(),
                        "`validate` (and `run`) report every problem of every file in one pass.",
                        "Fix them all, then validate again."),
                new BadInput(c, "timeout_zero", (f, in, id) -> {
                    Files.writeString(in.resolve(id + ".json"), f.record(id, Mode.ID_FIELD).toString());
                    return BadInput.Invocation.of(List.of("run", "--once", "--timeout=0"), id + ".json");
                }, 2, List.of("error: --timeout must be 1 hour or more, not 0"), List.of(),
                        "A --once run would give up before it starts.",
                        "Give --timeout in whole hours, 1 or more (default 24)."));
    }

    private static BadInput fails(String category, String id, BadInput.Input input, String line, String cause,
                                  String fix) {
        return new BadInput(category, id, input, 1, List.of(line), List.of(), cause, fix);
    }

    private static BadInput source(String category, String id, String connectionString, String message,
                                   String cause, String fix) {
        return fails(category, id, record(Mode.ID_FIELD,
                        r -> r.setText("source_connector.connection_string", connectionString)),
                "error: sync '" + id + "': source_connector.connection_string: " + message, cause, fix);
    }

    private static BadInput destination(String category, String id, String connectionString, String message,
                                        String cause, String fix) {
        return fails(category, id, record(Mode.ID_FIELD,
                        r -> r.setText("destination_connector.connection_string", connectionString)),
                "error: sync '" + id + "': destination_connector.connection_string: " + message, cause, fix);
    }

    /** The file as given; its name is the entry's id. */
    private static BadInput.Input file(String content) {
        return (f, in, id) -> {
            Files.writeString(in.resolve(id + ".json"), content);
            return runOnce(id + ".json");
        };
    }

    /** The fixture's good record named after the entry, changed by {@code edit}; placeholders are filled in. */
    private static BadInput.Input record(Mode mode, UnaryOperator<SyncRecord> edit) {
        return (f, in, id) -> {
            String json = edit.apply(f.record(id, mode)).toString();
            for (var placeholder : f.placeholders().entrySet()) {
                json = json.replace(placeholder.getKey(), placeholder.getValue());
            }
            Files.writeString(in.resolve(id + ".json"), json);
            return runOnce(id + ".json");
        };
    }
}
