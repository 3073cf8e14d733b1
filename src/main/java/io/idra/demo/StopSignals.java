package io.idra.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to wind the demo down, instead of the JVM's default of running the
 * shutdown hooks at once: those would stop the embedded servers while the demo still needs them for its last tick
 * and its check. A second signal exits at once (the hooks then stop the servers and delete their files).
 *
 * <p>Where the JVM does not let a program handle signals (-Xrs), they keep their default effect.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.demo");

    /** The exit code of a program ended by SIGINT, by shell convention. */
    static final int INTERRUPTED = 130;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signals::received);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this JVM keeps the signal for itself
            }
        }
        return signals;
    }

    private void received(Signal signal) {
        if (received.incrementAndGet() == 1) {
            LOG.info("SIG{}: stopping (press Ctrl-C again to quit at once, without the final check)", signal.getName());
            requested.countDown();
        } else {
            System.err.println("quitting without the final check");
            System.exit(INTERRUPTED);
        }
    }

    /** Waits up to {@code millis} (0 or less: forever); true when a stop was requested. */
    boolean await(long millis) throws InterruptedException {
        if (millis <= 0) {
            requested.await();
            return true;
        }
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Ends a wait as a signal would (the engine failed, for instance). */
    void request() {
        requested.countDown();
    }
}
