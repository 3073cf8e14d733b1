package io.idra.route;

import org.apache.camel.Exchange;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A batch's place in its pass when the pass writes several batches at once ({@code idra.write.parallel-loads}).
 * Batches are written in the order they were read: a batch sends its rows once the batch before has sent its own,
 * and commits once every earlier batch has committed and saved its offset. What overlaps is the rest: converting the
 * next batch's values while one loads, and loading one while the batch before waits for its commit, commits and saves
 * its offset. So the destination commits batches in the order they were read and each offset is saved after its own
 * commit, exactly as with one writer: a crash, a stop or a failed batch leaves what one writer would have left.
 *
 * <p>Why sending in order: a batch's statements never wait inside the database for a later batch's uncommitted rows
 * (a later batch has sent nothing yet), while a later batch may wait for an earlier one's, which commits without
 * waiting for anything later. Waits between batches therefore all point one way, and none can close a circle that
 * the database cannot see (a batch waiting for its turn in idra while the batch it waits for waits on its rows).
 */
final class Turn {

    static final String PROPERTY = "idra.turn";

    private final Turn previous;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> sent = new CompletableFuture<>();
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private volatile String phase = "writing a batch";

    private Turn(Turn previous) {
        this.previous = previous;
    }

    /** The first batch of a pass. */
    static Turn first() {
        return new Turn(null);
    }

    /** The batch read after this one. */
    Turn next() {
        return new Turn(this);
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

    /**
     * Runs a load straight into the destination once the batch before has sent its rows; it may go on while earlier
     * batches wait for their commits.
     */
    boolean loadInTurn(Load load) throws Exception {
        if (previous != null) {
            wait(previous.sent);
        }
        boolean loaded = load.run();
        if (loaded) {
            sent.complete(null);
        }
        return loaded;
    }

    /** Runs a write after every earlier batch has committed (a staging table, a JDBC batch). */
    void afterEarlier(Write write) throws Exception {
        awaitEarlier();
        try {
            write.run();
        } finally {
            sent.complete(null);
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
        sent.complete(null);
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

    /** A write that waits for every earlier batch's commit. */
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
