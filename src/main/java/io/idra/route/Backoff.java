package io.idra.route;

import java.time.Duration;
import java.time.Instant;

/**
 * Retry pacing of a failing sync: after the k-th failure in a row, ticks are skipped for 2^k seconds (capped at
 * five minutes), so a database that is down is not hammered every second, and the sync recovers by itself once it
 * is back. A sync polling less often than that simply retries at its next tick.
 */
final class Backoff {

    static final Duration MAX = Duration.ofMinutes(5);

    private int failures;
    private Instant notBefore = Instant.MIN;

    synchronized boolean due(Instant now) {
        return !now.isBefore(notBefore);
    }

    synchronized void failed(Instant now) {
        failures++;
        long seconds = 1L << Math.min(failures, 30);
        notBefore = now.plus(seconds >= MAX.toSeconds() ? MAX : Duration.ofSeconds(seconds));
    }

    synchronized void succeeded() {
        failures = 0;
        notBefore = Instant.MIN;
    }
}
