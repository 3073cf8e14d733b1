package io.idra.bench;

import com.mysql.cj.jdbc.JdbcStatement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bulk-load limit: the source's rows as tab-separated text (PostgreSQL's COPY text format, which is also LOAD
 * DATA's default format: {@code \N} for NULL, backslash escapes) streamed by one thread into the destination's
 * bulk loader on another, through the drivers' bulk APIs: PostgreSQL {@code COPY (SELECT ...) TO STDOUT} into
 * MariaDB {@code LOAD DATA LOCAL INFILE} from a stream; MariaDB rows read streaming and escaped into PostgreSQL
 * {@code COPY ... FROM STDIN}. Insert loads straight into the (empty) destination; Upsert loads a temporary
 * staging table and merges it with one {@code INSERT ... SELECT ... ON CONFLICT / ON DUPLICATE KEY UPDATE}.
 */
final class BulkCopy {

    private final Direction direction;
    private final Save save;

    BulkCopy(Direction direction, Save save) {
        this.direction = direction;
        this.save = save;
    }

    /** @return rows loaded */
    long run() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        AtomicLong produced = new AtomicLong();
        Thread producer = new Thread(() -> {
            try {
                produced.set(direction == Direction.PG_TO_MYSQL ? copyOutOfPostgres(pipe.out) : readMysql(pipe.out));
                pipe.out.close();
            } catch (Throwable e) {
                producerFailure.set(e);
                pipe.fail(e);
            }
        }, "source");
        producer.start();
        long loaded;
        try {
            loaded = direction == Direction.PG_TO_MYSQL ? loadIntoMysql(pipe) : copyIntoPostgres(pipe);
        } catch (Throwable e) {
            pipe.fail(e);
            throw e;
        } finally {
            producer.join();
        }
        if (producerFailure.get() != null) {
            throw new IllegalStateException("reading the source failed", producerFailure.get());
        }
        if (loaded != produced.get()) {
            throw new IllegalStateException("read " + produced.get() + " rows but loaded " + loaded);
        }
        return loaded;
    }

    private long copyOutOfPostgres(OutputStream out) throws Exception {
        try (Connection c = Db.postgres().connect()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            return copy.copyOut("COPY (SELECT " + BenchTable.COLUMN_LIST + " FROM " + BenchTable.SOURCE
                    + ") TO STDOUT", out);
        }
    }

    private long loadIntoMysql(ChunkPipe pipe) throws Exception {
        try (Connection c = Db.mysql().connect(Map.of("allowLoadLocalInfile", "true"));
             Statement s = c.createStatement()) {
            String table = BenchTable.DESTINATION;
            if (save == Save.UPSERT) {
                s.execute("CREATE TEMPORARY TABLE stage LIKE " + BenchTable.DESTINATION);
                table = "stage";
            }
            s.unwrap(JdbcStatement.class).setLocalInfileInputStream(pipe.in);
            // the default FIELDS / LINES options are PostgreSQL's COPY text format
            long rows = s.executeLargeUpdate("LOAD DATA LOCAL INFILE 'stream' IGNORE INTO TABLE " + table
                    + " CHARACTER SET utf8mb4 (" + BenchTable.COLUMN_LIST + ")");
            if (save == Save.UPSERT) {
                s.executeLargeUpdate("INSERT INTO " + BenchTable.DESTINATION + " (" + BenchTable.COLUMN_LIST + ") SELECT "
                        + BenchTable.COLUMN_LIST + " FROM stage" + save.conflictClause(Db.Engine.MYSQL));
                s.execute("DROP TEMPORARY TABLE stage");
            }
            return rows;
        }
    }

    /** MariaDB rows, streamed over the text protocol, written as COPY text: the bytes as the server sent them. */
    private long readMysql(OutputStream out) throws Exception {
        long rows = 0;
        try (Connection c = Db.mysql().connect();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = s.executeQuery("SELECT " + BenchTable.COLUMN_LIST + " FROM " + BenchTable.SOURCE)) {
                int columns = BenchTable.COLUMNS.size();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        if (i > 1) {
                            out.write('\t');
                        }
                        byte[] value = rs.getBytes(i);
                        if (value == null) {
                            out.write('\\');
                            out.write('N');
                        } else {
                            writeEscaped(out, value);
                        }
                    }
                    out.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void writeEscaped(OutputStream out, byte[] value) throws IOException {
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            char escape = b == '\\' ? '\\' : b == '\t' ? 't' : b == '\n' ? 'n' : b == '\r' ? 'r' : 0;
            if (escape != 0) {
                out.write(value, start, i - start);
                out.write('\\');
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(value, start, value.length - start);
    }

    private long copyIntoPostgres(ChunkPipe pipe) throws Exception {
        try (Connection c = Db.postgres().connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String table = BenchTable.DESTINATION;
            if (save == Save.UPSERT) {
                s.execute("CREATE TEMPORARY TABLE stage (LIKE " + BenchTable.DESTINATION + ") ON COMMIT DROP");
                table = "stage";
            }
            long rows = copy.copyIn("COPY " + table + " (" + BenchTable.COLUMN_LIST + ") FROM STDIN", pipe.in);
            if (save == Save.UPSERT) {
                s.executeLargeUpdate("INSERT INTO " + Save.target(Db.Engine.POSTGRES, BenchTable.DESTINATION) + " ("
                        + BenchTable.COLUMN_LIST + ") SELECT " + BenchTable.COLUMN_LIST + " FROM stage"
                        + save.conflictClause(Db.Engine.POSTGRES));
            }
            c.commit();
            return rows;
        }
    }
}
