package io.idra.route;

import org.apache.camel.Exchange;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * A batch's place in its pass when the pass writes several batches at once ({@code idra.write.parallel-loads}).
 * Loads straight into the destination (a table catching up: none of the batch's keys is there yet) may overlap;
 * anything else a batch does to the destination, and every commit, waits for all the batches before it. So the
 * destination commits batches in the order they were read and each offset is saved after its own commit, exactly as
 * with one writer: a crash, a stop or a failed batch leaves what one writer would have left.
 *
 * <p>Why overlapping is safe there: within a pass the batches' keys are disjoint, and a plain load of new keys takes
 * no lock another batch's load waits for. A write through a staging table or a JDBC batch (present keys, upserts)
 * can take gap locks on MySQL, so it runs alone: after every earlier batch and while no later one loads.
 */
final class Turn {

    static final String PROPERTY = "idra.turn";

    private final Turn previous;
    /** Shared by a pass's batches: held shared by a direct load, exclusively by any other write. */
    private final ReadWriteLock writes;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private volatile String phase = "writing a batch";

    private Turn(Turn previous, ReadWriteLock writes) {
        this.previous = previous;
        this.writes = writes;
    }

    /** The first batch of a pass. */
    static Turn first(ReadWriteLock writes) {
        return new Turn(null, writes);
    }

    /** The batch read after this one. */
    Turn next() {
        return new Turn(this, writes);
    }

    static Turn of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Turn.class);
    }

    /**
     * A destination connection, taken only after the batch before has its own: batches of syncs that share a pool
     * then never each hold one while all wait for another. When the pool has none to give while an earlier batch
     * still holds one, this batch waits for that batch to end and asks again; only a batch with none before it in
     * hand fails for the pool's timeout, as a lone writer would.
     */
    Connection connect(DataSource pool) throws SQLException, InterruptedException {
        try {
            if (previous != null) {
                wait(previous.connected);
            }
            while (true) {
                try {
                    return pool.getConnection();
                } catch (SQLTransientConnectionException e) {
                    if (previous == null || previous.finished.isDone()) {
                        throw e;
                    }
                    wait(previous.finished);
                }
            }
        } finally {
            connected.complete(null);
        }
    }

    /** Runs a load straight into the destination, which may overlap other batches' direct loads. */
    boolean alongside(Load load) throws Exception {
        writes.readLock().lock();
        try {
            return load.run();
        } finally {
            writes.readLock().unlock();
        }
    }

    /** Runs a write that overlaps no other batch's: after every earlier batch, while no later batch loads. */
    void alone(Write write) throws Exception {
        awaitEarlier();
        writes.writeLock().lock();
        try {
            write.run();
        } finally {
            writes.writeLock().unlock();
        }
    }

    /**
     * Waits until every earlier batch is committed and its offset saved.
     *
     * @throws EarlierFailed when one was not: this batch must not be committed
     */
    void awaitEarlier() throws InterruptedException {
        if (!earlierWritten()) {
            throw new EarlierFailed();
        }
    }

    /** Waits for the earlier batches; whether they were all written. */
    boolean earlierWritten() throws InterruptedException {
        return previous == null || wait(previous.finished);
    }

    /** What the batch is doing, for its error line. */
    void phase(String phase) {
        this.phase = phase;
    }

    String phase() {
        return phase;
    }

    /** This batch is done with: written (committed, offset saved) or not. Later batches may go on. */
    void ended(boolean written) {
        connected.complete(null);
        finished.complete(written);
    }

    private static <T> T wait(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a turn is never completed exceptionally", e);
        }
    }

    /** A direct load: whether it took the batch. */
    @FunctionalInterface
    interface Load {
        boolean run() throws Exception;
    }

    /** A write that runs alone. */
    @FunctionalInterface
    interface Write {
        void run() throws Exception;
    }

    /** An earlier batch of the pass failed: this one is rolled back, and the earlier failure is the one reported. */
    static final class EarlierFailed extends RuntimeException {
        EarlierFailed() {
            super("an earlier batch of the pass was not written", null, false, false);
        }
    }
}
