package io.idra.it;

import io.idra.model.ConnectorType;
import io.idra.testdb.TestDatabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * One table with a column per type case of docs/TYPES.md, the same logical columns on both engines. Row 0 is NULL
 * in every column; row k holds the k-th value of each case (NULL where a case has fewer). The source and the
 * destination are read back value by value and compared with each case's own equality ({@link Same}).
 */
final class TypeCases {

    /**
     * The zones of the four connection strings: every date-time crosses a zone on its way. The MySQL server's own
     * zone stays UTC, so its TIMESTAMP columns hold wall clocks of another zone, as a Go client with this loc
     * writes them; instants near TIMESTAMP's 1970 and 2038 limits are therefore avoided.
     */
    static final ZoneId PG_SOURCE_ZONE = ZoneId.of("America/New_York");
    static final ZoneId PG_DESTINATION_ZONE = ZoneId.of("Asia/Tokyo");
    static final ZoneId MYSQL_SOURCE_ZONE = ZoneId.of("Europe/Rome");
    static final ZoneId MYSQL_DESTINATION_ZONE = ZoneId.of("Asia/Kolkata");

    private static final DateTimeFormatter MYSQL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2024-01-15T10:20:30.123456Z"),
            Instant.parse("2024-07-01T23:00:00.000001Z"), Instant.parse("1970-01-02T00:00:00Z"),
            Instant.parse("2038-01-18T00:00:00.999999Z"), Instant.parse("2024-03-31T00:59:59.999999Z"));
    private static final String JSON_OBJECT = "{\"b\": 1, \"a\": [true, null, \"x😀\", 2.5]}";
    private static final String LONG_TEXT = "0123456789 àèìòù 😀 ".repeat(5000);

    /** A column: its type on each engine, how its values compare, and its values as each engine is given them. */
    record Case(String column, String pgType, String mysqlType, Same same, List<Object> pg, List<Object> mysql) {

        static Case of(String column, String pgType, String mysqlType, Same same, Object... values) {
            return new Case(column, pgType, mysqlType, same, List.of(values), List.of(values));
        }

        Case mysqlValues(Object... values) {
            return new Case(column, pgType, mysqlType, same, pg, List.of(values));
        }

        String type(ConnectorType engine) {
            return engine == ConnectorType.POSTGRES ? pgType : mysqlType;
        }

        List<Object> values(ConnectorType engine) {
            return engine == ConnectorType.POSTGRES ? pg : mysql;
        }
    }

    static final List<Case> CASES = List.of(
            Case.of("i16", "smallint", "SMALLINT", Same.NUMBER, "-32768", "32767", "0"),
            Case.of("i32", "integer", "INT", Same.NUMBER, "-2147483648", "2147483647", "7"),
            Case.of("i64", "bigint", "BIGINT", Same.NUMBER, "-9223372036854775808", "9223372036854775807", "0"),
            Case.of("u64", "numeric(20,0)", "BIGINT UNSIGNED", Same.NUMBER, "18446744073709551615", "0",
                    "9223372036854775808"),
            Case.of("dec", "numeric(38,10)", "DECIMAL(38,10)", Same.NUMBER, "9999999999999999999999999999.9999999999",
                    "-9999999999999999999999999999.9999999999", "0.0000000001", "-1.5", "0"),
            // 3.4028234e38 is the largest float; MariaDB reads a literal as a double, and 3.4028235e38 exceeds it
            Case.of("f32", "real", "FLOAT", Same.FLOAT, "3.4028234e38", "-1.17549435e-38", "0.1", "-3.3333333"),
            Case.of("f64", "double precision", "DOUBLE", Same.DOUBLE, "1.7976931348623157e308",
                    "-2.2250738585072014e-308", "0.1", "3.141592653589793"),
            Case.of("bool", "boolean", "BOOLEAN", Same.BOOLEAN, "true", "false").mysqlValues("1", "0"),
            Case.of("chr", "char(10)", "CHAR(10)", Same.CHAR, "abc", "😀 x", ""),
            Case.of("vc", "varchar(100)", "VARCHAR(100)", Same.TEXT, "😀 漢字 ñ ü", "it's \"quoted\" `tick`",
                    "back\\slash \\n \\\\ \\'", "", " lead and trail "),
            Case.of("txt", "text", "LONGTEXT", Same.TEXT, LONG_TEXT, "line1\nline2\ttab\r", ""),
            Case.of("dt", "date", "DATE", Same.DATE, "2024-02-29", "0001-01-01", "9999-12-31", "1970-01-01"),
            Case.of("tm", "time(6)", "TIME(6)", Same.TIME, "00:00:00", "23:59:59.999999", "12:34:56.5", "24:00:00"),
            // 02:30 on 2024-03-31 does not exist in Rome, nor does it need to: the type has no zone
            Case.of("ts", "timestamp(6)", "DATETIME(6)", Same.DATE_TIME, "2024-03-31 02:30:00.000001",
                    "0001-01-01 00:00:00", "9999-12-31 23:59:59.999999", "2024-10-27 02:30:00.5"),
            new Case("tz", "timestamptz(6)", "TIMESTAMP(6) NULL", Same.INSTANT,
                    INSTANTS.stream().map(i -> (Object) i.toString()).toList(),
                    INSTANTS.stream().map(i -> (Object) MYSQL_DATE_TIME.format(i.atZone(MYSQL_SOURCE_ZONE))).toList()),
            Case.of("js", "json", "JSON", Same.JSON, JSON_OBJECT, "[]", "\"str\"", "{\"q\": \"a\\\"b\\\\c\"}", "12.5"),
            Case.of("jb", "jsonb", "JSON", Same.JSON, JSON_OBJECT, "{}", "null", "[1, {\"k\": \"v\"}]"),
            Case.of("bin", "bytea", "LONGBLOB", Same.BYTES, new byte[] {0, -1, 16, 0}, new byte[0], bytes(70_000)),
            Case.of("vb", "bytea", "VARBINARY(16)", Same.BYTES, new byte[] {1, 2, 3}, new byte[] {0}),
            Case.of("uid", "uuid", "CHAR(36)", Same.LOWER, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                    "00000000-0000-0000-0000-000000000000"),
            Case.of("en", "mood", "ENUM('sad','ok','happy','it''s')", Same.TEXT, "sad", "happy", "it's"),
            Case.of("yr", "smallint", "YEAR", Same.NUMBER, "1901", "2155", "2024"));

    private TypeCases() {
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** The table with every case's column of this engine's type, and the enum type PostgreSQL needs. */
    static void create(TestDatabase db, String table) {
        if (db.kind() == ConnectorType.POSTGRES) {
            db.execute("DO $$ BEGIN CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'it''s');"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        db.execute("CREATE TABLE " + db.quote(table) + " (id integer PRIMARY KEY, " + CASES.stream()
                .map(c -> db.quote(c.column()) + " " + c.type(db.kind())).collect(Collectors.joining(", ")) + ")");
    }

    static void insert(TestDatabase db, String table) {
        int rows = CASES.stream().mapToInt(c -> c.pg().size()).max().orElseThrow();
        String sql = "INSERT INTO " + db.quote(table) + " (id, " + CASES.stream().map(c -> db.quote(c.column()))
                .collect(Collectors.joining(", ")) + ") VALUES (?" + ", ?".repeat(CASES.size()) + ")";
        try (Connection c = connect(db, null); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int row = 0; row <= rows; row++) {
                ps.setInt(1, row);
                for (int i = 0; i < CASES.size(); i++) {
                    List<Object> values = CASES.get(i).values(db.kind());
                    Object value = row == 0 || row > values.size() ? null : values.get(row - 1);
                    if (value instanceof byte[] bytes) {
                        ps.setBytes(i + 2, bytes);
                    } else if (value == null) {
                        ps.setNull(i + 2, Types.VARCHAR);
                    } else {
                        ps.setString(i + 2, (String) value);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every difference between the two tables, one line each: row, column, both values.
     *
     * @param sourceZone      the zone the source's connection string names (MySQL reads TIMESTAMP in it)
     * @param destinationZone likewise for the destination
     */
    static List<String> differences(TestDatabase source, ZoneId sourceZone, TestDatabase destination,
                                    ZoneId destinationZone, String table) {
        List<List<Object>> from = read(source, sourceZone, table);
        List<List<Object>> to = read(destination, destinationZone, table);
        List<String> differences = new ArrayList<>();
        if (from.size() != to.size()) {
            differences.add(from.size() + " source rows but " + to.size() + " destination rows");
            return differences;
        }
        for (int row = 0; row < from.size(); row++) {
            for (int i = 0; i < CASES.size(); i++) {
                Object a = from.get(row).get(i);
                Object b = to.get(row).get(i);
                if (!Objects.deepEquals(a, b)) {
                    differences.add("row " + row + ", column " + CASES.get(i).column() + ": source " + shorten(a)
                            + ", destination " + shorten(b));
                }
            }
        }
        return differences;
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + " chars)" : text;
    }

    private static List<List<Object>> read(TestDatabase db, ZoneId zone, String table) {
        String sql = "SELECT " + CASES.stream().map(c -> db.quote(c.column())).collect(Collectors.joining(", "))
                + " FROM " + db.quote(table) + " ORDER BY id";
        try (Connection c = connect(db, zone); PreparedStatement ps = c.prepareStatement(sql);
             var rs = ps.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < CASES.size(); i++) {
                    row.add(CASES.get(i).same().read(rs, i + 1));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * PostgreSQL takes text for every type (stringtype=unspecified). MySQL reads through server-side prepared
     * statements, whose binary results carry a FLOAT exactly (MariaDB's text results round it to 6 digits), and
     * reads TIMESTAMP in the zone of the connection string, as the sync does.
     */
    static Connection connect(TestDatabase db, ZoneId zone) throws SQLException {
        Map<String, String> parameters = db.kind() == ConnectorType.POSTGRES
                ? Map.of("stringtype", "unspecified")
                : zone == null ? Map.of("useServerPrepStmts", "true")
                : Map.of("useServerPrepStmts", "true", "connectionTimeZone", zone.getId());
        Properties properties = new Properties();
        properties.setProperty("user", db.server().user());
        properties.setProperty("password", db.server().password());
        properties.putAll(parameters);
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    /** The database's connection string in Idra's form, naming {@code zone} (libpq TimeZone, Go loc). */
    static String connectionString(TestDatabase db, ZoneId zone) {
        return db.kind() == ConnectorType.POSTGRES ? db.libpqDsn() + " TimeZone=" + zone.getId()
                : db.goDsn().replace("loc=Local", "loc=" + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8));
    }
}
