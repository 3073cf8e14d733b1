package io.idra.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The benchmark's table, the same on both engines: bigint key, two ints, decimal(12,2), varchar and text with
 * non-ASCII characters (text: every 10th row NULL, every 97th row with a tab, a backslash, a newline and a carriage
 * return), two timestamps with microseconds. Row i is computed from i inside the database, so both engines hold
 * the same rows. The source ({@code src}) has an index on (updated_at, id) for the Timestamp mode; destinations
 * ({@code dst}) have only their primary key.
 */
final class BenchTable {

    static final String SOURCE = "src";
    static final String DESTINATION = "dst";
    static final List<String> COLUMNS =
            List.of("id", "customer_id", "qty", "amount", "name", "note", "created_at", "updated_at");
    static final String COLUMN_LIST = String.join(", ", COLUMNS);
    static final String TIMESTAMP = "updated_at";

    private BenchTable() {
    }

    static void create(Db db, String table) throws SQLException {
        db.execute("DROP TABLE IF EXISTS " + table);
        if (db.engine == Db.Engine.POSTGRES) {
            db.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, customer_id integer NOT NULL, qty integer,"
                    + " amount numeric(12,2), name varchar(100), note text, created_at timestamp(6),"
                    + " updated_at timestamp(6))");
        } else {
            db.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, customer_id int NOT NULL, qty int,"
                    + " amount decimal(12,2), name varchar(100), note text, created_at datetime(6),"
                    + " updated_at datetime(6)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        if (table.equals(SOURCE)) {
            db.execute("CREATE INDEX src_updated ON src (updated_at, id)");
        }
    }

    /** Adds rows {@code from..to} to the source table, a million per statement. */
    static void fill(Db db, long from, long to) throws SQLException {
        for (long start = from; start <= to; start += 1_000_000) {
            long end = Math.min(to, start + 999_999);
            db.execute(db.engine == Db.Engine.POSTGRES ? postgresFill(start, end) : mysqlFill(start, end));
        }
        db.execute(db.engine == Db.Engine.POSTGRES ? "VACUUM ANALYZE src" : "ANALYZE TABLE src");
    }

    private static String postgresFill(long from, long to) {
        return "INSERT INTO src SELECT i, (i * 7919 % 100000)::int, (i % 1000 - 100)::int,"
                + " (i * 12345 % 100000000) / 100.0, 'cliente ' || i || ' – Müller 漢字',"
                + " CASE WHEN i % 10 = 0 THEN NULL"
                + " WHEN i % 97 = 1 THEN 'tab' || chr(9) || 'back' || chr(92) || 'slash' || chr(10) || 'cr' || chr(13) || i"
                + " ELSE repeat('è testo ', (i % 12)::int) || 'ok ' || i END,"
                + " timestamp '2023-01-01 00:00:00' + (i * 1234567) * interval '1 microsecond',"
                + " timestamp '2024-03-01 10:00:00.000001' + (i / 3) * interval '1 second'"
                + " FROM generate_series(" + from + "::bigint, " + to + ") AS i";
    }

    private static String mysqlFill(long from, long to) {
        return "INSERT INTO src SELECT i, i * 7919 % 100000, i % 1000 - 100, (i * 12345 % 100000000) / 100.0,"
                + " CONCAT('cliente ', i, ' – Müller 漢字'),"
                + " CASE WHEN i % 10 = 0 THEN NULL"
                + " WHEN i % 97 = 1 THEN CONCAT('tab', CHAR(9 USING utf8mb4), 'back', CHAR(92 USING utf8mb4), 'slash',"
                + " CHAR(10 USING utf8mb4), 'cr', CHAR(13 USING utf8mb4), i)"
                + " ELSE CONCAT(REPEAT('è testo ', i % 12), 'ok ', i) END,"
                + " TIMESTAMPADD(MICROSECOND, i * 1234567, '2023-01-01 00:00:00'),"
                + " TIMESTAMPADD(SECOND, i DIV 3, '2024-03-01 10:00:00.000001')"
                + " FROM (SELECT CAST(seq AS SIGNED) AS i FROM seq_" + from + "_to_" + to + ") n";
    }

    /**
     * Row count, sum of ids, NULL texts, sum of the ints, sum of the decimals, characters of the strings and the
     * timestamps in microseconds since 1970: equal on both engines for the same rows.
     */
    static List<String> checksum(Db db, String table) throws SQLException {
        String sql = db.engine == Db.Engine.POSTGRES
                ? "SELECT count(*), sum(id), count(*) - count(note), sum(customer_id::bigint + qty), sum(amount),"
                + " sum(char_length(name) + coalesce(char_length(note), 0)),"
                + " sum((extract(epoch FROM created_at) * 1000000)::bigint"
                + " + (extract(epoch FROM updated_at) * 1000000)::bigint) FROM " + table
                : "SELECT COUNT(*), SUM(id), COUNT(*) - COUNT(note), SUM(customer_id + qty), SUM(amount),"
                + " SUM(CHAR_LENGTH(name) + COALESCE(CHAR_LENGTH(note), 0)),"
                + " SUM(TIMESTAMPDIFF(MICROSECOND, '1970-01-01', created_at)"
                + " + TIMESTAMPDIFF(MICROSECOND, '1970-01-01', updated_at)) FROM " + table;
        return db.row(sql).stream().map(v -> v == null ? "0" : new BigDecimal(v).stripTrailingZeros().toPlainString())
                .toList();
    }

    /** (updated_at, id) of the source's last row in cursor order: where a caught-up Timestamp sync stands. */
    static Object[] lastCursor(Db db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT updated_at, id FROM src ORDER BY updated_at DESC, id DESC LIMIT 1")) {
            rs.next();
            return new Object[] {rs.getObject(1, LocalDateTime.class), rs.getLong(2)};
        }
    }
}
