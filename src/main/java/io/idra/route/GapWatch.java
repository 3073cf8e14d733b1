package io.idra.route;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code id_gap_wait_seconds}: in the id modes, a missing key in the sequence may be a row whose transaction has
 * not committed yet. The batch is cut before the gap and the tick ends; once the same gap has been seen for the
 * configured time it is taken as permanent (a rolled-back insert, a sequence cache) and the sync moves past it.
 * The clock lives in memory: after a restart, or on another node, the wait starts again, which delays but never
 * loses a row.
 */
final class GapWatch {

    private final Duration wait;
    private long gapStart = Long.MIN_VALUE;
    private Instant firstSeen;

    GapWatch(int waitSeconds) {
        this.wait = Duration.ofSeconds(waitSeconds);
    }

    boolean enabled() {
        return !wait.isZero();
    }

    /**
     * How many rows of a batch, in key order, may be written now.
     *
     * @param lastKey the key the sync stands at (last copied, or the destination's max), null when fresh
     * @param keys    the batch's keys in order
     */
    synchronized int writable(Long lastKey, List<Long> keys, Instant now) {
        long expected = lastKey == null ? Long.MIN_VALUE : lastKey + 1;
        for (int i = 0; i < keys.size(); i++) {
            long key = keys.get(i);
            if (expected != Long.MIN_VALUE && key > expected && !expired(expected, now)) {
                return i;
            }
            expected = key + 1;
        }
        return keys.size();
    }

    private boolean expired(long gap, Instant now) {
        if (gap != gapStart) {
            gapStart = gap;
            firstSeen = now;
        }
        return !now.isBefore(firstSeen.plus(wait));
    }

    synchronized long gapStart() {
        return gapStart;
    }
}
