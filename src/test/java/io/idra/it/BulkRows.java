package io.idra.it;

import io.idra.model.ConnectorType;
import io.idra.testdb.TestDatabase;

/**
 * Fills a {@link SampleTable} with many generated rows inside the database (no round trip per row). Row i has
 * timestamp {@code 2024-03-01 10:00:00.000001 + i / tie seconds}, so {@code tie} rows share each timestamp.
 */
public final class BulkRows {

    private BulkRows() {
    }

    public static void fill(TestDatabase db, String table, long from, long to, int tie) {
        String t = db.quote(table);
        if (db.kind() == ConnectorType.POSTGRES) {
            db.execute("INSERT INTO " + t + " SELECT i, (i * 3 - 50)::int, i * 1000000007, (i * 12345 % 1000000) / 100.0,"
                    + " 'nome ' || i || ' perché ñ 漢字', CASE WHEN i % 10 = 0 THEN NULL"
                    + " ELSE repeat('testo ', (i % 40)::int) END, i % 2 = 0, date '2024-01-01' + (i % 1000)::int,"
                    + " timestamp '2024-03-01 10:00:00.000001' + (i / " + tie + ") * interval '1 second'"
                    + " FROM generate_series(" + from + "::bigint, " + to + ") AS i");
        } else {
            String digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                    + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
            StringBuilder sum = new StringBuilder(String.valueOf(from));
            StringBuilder tables = new StringBuilder();
            long scale = 1;
            for (int k = 0; k == 0 || scale <= to - from; k++, scale *= 10) {
                sum.append(" + d").append(k).append(".d * ").append(scale);
                tables.append(k == 0 ? "" : ", ").append(digits).append(" d").append(k);
            }
            String numbers = "(SELECT " + sum + " AS i FROM " + tables + ") n";
            db.execute("INSERT INTO " + t + " SELECT i, i * 3 - 50, i * 1000000007, (i * 12345 % 1000000) / 100.0,"
                    + " CONCAT('nome ', i, ' perché ñ 漢字'), CASE WHEN i % 10 = 0 THEN NULL"
                    + " ELSE REPEAT('testo ', i % 40) END, i % 2 = 0, DATE_ADD('2024-01-01', INTERVAL i % 1000 DAY),"
                    + " TIMESTAMPADD(SECOND, i DIV " + tie + ", '2024-03-01 10:00:00.000001') FROM " + numbers
                    + " WHERE i <= " + to);
        }
    }
}
