package io.idra.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tuned plain JDBC, the program a user would write instead of idra: stream the source (PostgreSQL: autocommit off
 * and a fetch size; MySQL: fetch size Integer.MIN_VALUE), write batches of 5,000 rows with the driver's batch
 * rewriting on, one transaction per batch. Serial, or one reader thread feeding two writer connections through a
 * bounded queue.
 */
final class JdbcCopy {

    static final int BATCH = 5000;
    private static final List<Object[]> END = Collections.emptyList();

    private final Direction direction;
    private final Save save;
    private final String insert;

    JdbcCopy(Direction direction, Save save) {
        this.direction = direction;
        this.save = save;
        Db.Engine engine = direction.destination().engine;
        this.insert = "INSERT INTO " + Save.target(engine, BenchTable.DESTINATION) + " (" + BenchTable.COLUMN_LIST
                + ") VALUES (" + "?, ".repeat(BenchTable.COLUMNS.size() - 1) + "?)" + save.conflictClause(engine);
    }

    /** @return rows copied */
    long serial() throws Exception {
        try (Connection writer = writer()) {
            PreparedStatement ps = writer.prepareStatement(insert);
            return read(batch -> write(writer, ps, batch));
        }
    }

    /** @return rows copied */
    long pipelined(int writers) throws Exception {
        BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(writers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> {
                try (Connection writer = writer(); PreparedStatement ps = writer.prepareStatement(insert)) {
                    for (List<Object[]> batch = queue.take(); batch != END; batch = queue.take()) {
                        write(writer, ps, batch);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                }
            }, "writer-" + i);
            t.start();
            threads.add(t);
        }
        long rows;
        try {
            rows = read(batch -> put(queue, batch, failure));
        } finally {
            for (int i = 0; i < writers; i++) {
                put(queue, END, failure);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a writer failed", failure.get());
        }
        return rows;
    }

    private static void put(BlockingQueue<List<Object[]>> queue, List<Object[]> batch, AtomicReference<Throwable> failure)
            throws InterruptedException {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                throw new IllegalStateException("a writer failed", failure.get());
            }
        }
    }

    private interface BatchSink {
        void accept(List<Object[]> batch) throws Exception;
    }

    /** Streams the source into batches of {@link #BATCH} rows. */
    private long read(BatchSink sink) throws Exception {
        Db source = direction.source();
        boolean textTimestamps = direction.destination().engine == Db.Engine.MYSQL;
        long rows = 0;
        try (Connection c = source.connect()) {
            Statement s;
            if (source.engine == Db.Engine.POSTGRES) {
                c.setAutoCommit(false);
                s = c.createStatement();
                s.setFetchSize(10_000);
            } else {
                s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                s.setFetchSize(Integer.MIN_VALUE);
            }
            try (ResultSet rs = s.executeQuery("SELECT " + BenchTable.COLUMN_LIST + " FROM " + BenchTable.SOURCE)) {
                List<Object[]> batch = new ArrayList<>(BATCH);
                while (rs.next()) {
                    Object[] row = new Object[8];
                    row[0] = rs.getLong(1);
                    row[1] = rs.getInt(2);
                    int qty = rs.getInt(3);
                    row[2] = rs.wasNull() ? null : qty;
                    row[3] = rs.getBigDecimal(4);
                    row[4] = rs.getString(5);
                    row[5] = rs.getString(6);
                    // Connector/J cuts the microseconds of java.time values on MariaDB: MySQL gets text (as idra does)
                    row[6] = textTimestamps ? rs.getString(7) : rs.getObject(7, LocalDateTime.class);
                    row[7] = textTimestamps ? rs.getString(8) : rs.getObject(8, LocalDateTime.class);
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        sink.accept(batch);
                        rows += batch.size();
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                    rows += batch.size();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return rows;
    }

    private Connection writer() throws SQLException {
        Db destination = direction.destination();
        Connection c = destination.connect(destination.engine == Db.Engine.POSTGRES
                ? Map.of("reWriteBatchedInserts", "true") : Map.of("rewriteBatchedStatements", "true"));
        c.setAutoCommit(false);
        return c;
    }

    private static void write(Connection c, PreparedStatement ps, List<Object[]> batch) throws SQLException {
        for (Object[] row : batch) {
            ps.setLong(1, (Long) row[0]);
            ps.setInt(2, (Integer) row[1]);
            if (row[2] == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(3, (Integer) row[2]);
            }
            ps.setBigDecimal(4, (java.math.BigDecimal) row[3]);
            ps.setString(5, (String) row[4]);
            ps.setString(6, (String) row[5]);
            ps.setObject(7, row[6]);
            ps.setObject(8, row[7]);
            ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
    }
}
