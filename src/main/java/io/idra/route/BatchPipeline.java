package io.idra.route;

import org.apache.camel.CamelContext;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Lets the source and the destination work at the same time: a pass's batches are written on one thread of their own,
 * in the order they were read, while the route's thread reads the next batch. At most one batch waits for the writer
 * while it writes another, so memory holds about two batches, as the route's own streaming does.
 *
 * <p>Each batch is committed before the next one starts and its offset is saved after its commit, on the writer
 * thread ({@link OffsetSaver}): the order of commits and offsets is exactly that of a single thread. Once a batch
 * fails, no later batch is written; the route's thread gets the failure when it hands over the next batch or when
 * it waits for the pass to end ({@link #awaitAll}).
 */
final class BatchPipeline {

    /** One batch of the pass: written, committed, its offset saved, or it throws. */
    @FunctionalInterface
    interface Write {
        void run() throws Exception;
    }

    private final CamelContext camel;
    private final ExecutorService writer;
    private final Semaphore idle = new Semaphore(1);
    private volatile Exception failure;
    private boolean closed;

    BatchPipeline(CamelContext camel, String syncName) {
        this.camel = camel;
        this.writer = camel.getExecutorServiceManager().newSingleThreadExecutor(this, "idra-write " + syncName);
    }

    /**
     * Hands a batch to the writer once it has finished the previous one.
     *
     * @throws Exception the failure of an earlier batch, which this one must not outrun
     */
    void submit(Write write) throws Exception {
        throwFailure();
        idle.acquire();
        if (failure != null) {
            idle.release();
            throwFailure();
        }
        writer.execute(() -> {
            try {
                write.run();
            } catch (Exception e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException(e.toString(), e);
                throw e;
            } finally {
                idle.release();
            }
        });
    }

    /**
     * Waits until the batch in hand is written (or has failed) and lets the writer thread go; safe to call again.
     *
     * @return the failure of a batch of this pass, or null
     */
    Exception awaitAll() throws InterruptedException {
        if (!closed) {
            idle.acquire();
            idle.release();
            camel.getExecutorServiceManager().shutdown(writer);
            closed = true;
        }
        return failure;
    }

    private void throwFailure() throws Exception {
        Exception e = failure;
        if (e != null) {
            throw e;
        }
    }
}
