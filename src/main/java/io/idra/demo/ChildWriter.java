package io.idra.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the source {@code bimbi} table busy, as an application would: once a second, in one transaction, a few new
 * children are enrolled and (unless insert-only) a few existing ones have a birthday: {@code eta} goes up by one and
 * {@code ts} moves to now, which is how a LastDestinationTimestamp sync sees that a row changed.
 *
 * <p>Timestamps come from this program's clock, never go backwards (a step gets at least the previous step's ts plus
 * one microsecond) and are whole microseconds, as both engines store them. One thread writes, one transaction at a
 * time, so rows commit in ts order: a sync that reads {@code ts >= MAX(destination ts)} cannot miss a late commit.
 */
public final class ChildWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.demo");

    private static final List<String> NAMES = List.of("Giulia", "Francesco", "Sofia", "Alessandro", "Aurora",
            "Leonardo", "Ginevra", "Lorenzo", "Beatrice", "Mattia", "Niccolò", "Chiara", "Tommaso", "Martina",
            "Gabriele", "Alice", "Riccardo", "Emma", "Andrea", "Noemi", "Mirko", "Zoë", "Pietro", "Bianca");

    private final SchoolDatabase source;
    private final int insertsPerStep;
    private final int updatesPerStep;
    private final Random random = new Random(42);
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private long nextId = 1;
    private LocalDateTime lastTs = LocalDateTime.MIN;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;
    private volatile String lastError;

    /**
     * @param updatesPerStep 0 for insert-only
     */
    public ChildWriter(SchoolDatabase source, int insertsPerStep, int updatesPerStep) {
        this.source = source;
        this.insertsPerStep = insertsPerStep;
        this.updatesPerStep = updatesPerStep;
    }

    /** Enrols the first {@code count} children, their ts spread over the last {@code count} seconds. */
    public void enrol(int count) throws SQLException {
        LocalDateTime now = now();
        try (Connection connection = source.server().connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO bimbi (id, nome, eta, ts) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                addChild(insert, now.minusSeconds(count - i));
            }
            insert.executeBatch();
            connection.commit();
        }
        lastTs = now;
        inserted.addAndGet(count);
    }

    /** Starts writing once a second on a background thread. */
    public void start() {
        thread = new Thread(this::loop, "idra-demo-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the step in hand; when this returns, the source changes no more. */
    @Override
    public void close() {
        stop.countDown();
        Thread current = thread;
        if (current != null) {
            try {
                current.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public long inserted() {
        return inserted.get();
    }

    public long updated() {
        return updated.get();
    }

    private void loop() {
        try (Connection connection = source.server().connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO bimbi (id, nome, eta, ts) VALUES (?, ?, ?, ?)");
             PreparedStatement birthday = connection.prepareStatement(
                     "UPDATE bimbi SET eta = eta + 1, ts = ? WHERE id = ?")) {
            connection.setAutoCommit(false);
            while (!stop.await(1, TimeUnit.SECONDS)) {
                try {
                    step(connection, insert, birthday);
                    lastError = null;
                } catch (SQLException e) {
                    connection.rollback();
                    insert.clearBatch();
                    birthday.clearBatch();
                    String message = LocalServers.rootMessage(e);
                    if (!message.equals(lastError)) {
                        LOG.warn("writer: a step failed, trying again in a second: {}", message);
                    }
                    lastError = message;
                }
            }
        } catch (SQLException e) {
            LOG.error("writer: stopped: {}", LocalServers.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One transaction: new children, and birthdays for some existing ones (both at one new ts). */
    private void step(Connection connection, PreparedStatement insert, PreparedStatement birthday)
            throws SQLException {
        LocalDateTime ts = now();
        if (!ts.isAfter(lastTs)) {
            ts = lastTs.plus(1, ChronoUnit.MICROS);
        }
        long firstNew = nextId;
        for (int i = 0; i < insertsPerStep; i++) {
            addChild(insert, ts);
        }
        insert.executeBatch();
        long existing = firstNew - 1;
        int birthdays = (int) Math.min(updatesPerStep, existing);
        for (int i = 0; i < birthdays; i++) {
            birthday.setObject(1, ts);
            birthday.setLong(2, 1 + (long) (random.nextDouble() * existing));
            birthday.addBatch();
        }
        if (birthdays > 0) {
            birthday.executeBatch();
        }
        connection.commit();
        lastTs = ts;
        inserted.addAndGet(insertsPerStep);
        updated.addAndGet(birthdays);
    }

    private void addChild(PreparedStatement insert, LocalDateTime ts) throws SQLException {
        long id = nextId++;
        insert.setLong(1, id);
        insert.setString(2, NAMES.get((int) (id % NAMES.size())));
        insert.setInt(3, 3 + random.nextInt(8));
        insert.setObject(4, ts);
        insert.addBatch();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
