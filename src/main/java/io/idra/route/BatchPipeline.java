package io.idra.route;

import org.apache.camel.CamelContext;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets the source and the destination work at the same time: a pass's batches are written on writer threads of their
 * own while the route's thread reads the next batch. With {@code writers} threads, up to that many batches are in
 * hand at once (one loading while the one before commits) and one more waits, so memory holds about
 * {@code writers + 1} batches.
 *
 * <p>Each batch's {@link Turn} keeps the sending of rows and the commits in the order the batches were read; its
 * offset is saved after its commit, on its writer thread ({@link OffsetSaver}): the order of commits and offsets is
 * exactly that of a single thread. Once a batch fails, no later batch is committed or handed over; the
 * route's thread gets the failure of the earliest failed batch when it hands over the next batch or when it waits
 * for the pass to end ({@link #awaitAll}).
 */
final class BatchPipeline {

    /** One batch of the pass: written, committed, its offset saved, or it throws. */
    @FunctionalInterface
    interface Write {
        void run(Turn turn) throws Exception;
    }

    private final CamelContext camel;
    private final int writers;
    private final ExecutorService threads;
    private final Semaphore idle;
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private Turn last;
    private boolean closed;

    BatchPipeline(CamelContext camel, String syncName, int writers) {
        this.camel = camel;
        this.writers = writers;
        this.threads = camel.getExecutorServiceManager().newFixedThreadPool(this, "idra-write " + syncName, writers);
        this.idle = new Semaphore(writers);
    }

    /**
     * Hands a batch to a writer once one is free.
     *
     * @throws Exception the failure of an earlier batch, which this one must not outrun
     */
    void submit(Write write) throws Exception {
        throwFailure();
        idle.acquire();
        if (failure.get() != null) {
            idle.release();
            throwFailure();
        }
        Turn turn = last == null ? Turn.first() : last.next();
        last = turn;
        Runnable task = () -> {
            boolean written = false;
            try {
                write.run(turn);
                written = true;
            } catch (Exception e) {
                fail(turn, e);
            } catch (Error e) {
                failure.compareAndSet(null, new Failure(new IllegalStateException(e.toString(), e), turn.phase()));
                throw e;
            } finally {
                turn.ended(written);
                idle.release();
            }
        };
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            // Camel is shutting down its thread pools: the batch is not written, and no later batch waits for it
            turn.ended(false);
            idle.release();
            throw e;
        }
    }

    /**
     * Records a batch's failure unless an earlier batch failed: that one is the failure a single writer would have
     * met (this batch would not have run), and it is recorded before its turn ends.
     */
    private void fail(Turn turn, Exception e) {
        try {
            if (turn.earlierWritten() && !(e instanceof Turn.EarlierFailed)) {
                failure.compareAndSet(null, new Failure(e, turn.phase()));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new Failure(e, turn.phase()));
        }
    }

    /**
     * Waits until the batches in hand are written (or have failed) and lets the writer threads go; safe to call again.
     *
     * @return the failure of a batch of this pass, or null
     */
    Exception awaitAll() throws InterruptedException {
        if (!closed) {
            idle.acquire(writers);
            idle.release(writers);
            camel.getExecutorServiceManager().shutdown(threads);
            closed = true;
        }
        Failure f = failure.get();
        return f == null ? null : f.error;
    }

    /** What the failed batch was doing when it failed, or null. */
    String failurePhase() {
        Failure f = failure.get();
        return f == null ? null : f.phase;
    }

    private void throwFailure() throws Exception {
        Failure f = failure.get();
        if (f != null) {
            throw f.error;
        }
    }

    private record Failure(Exception error, String phase) {
    }
}
