package io.idra.route;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * {@code id_gap_wait_seconds}: in the id modes, a missing key in the sequence may be a row whose transaction has
 * not committed yet. The batch is cut before the first gap that is younger than the wait and the tick ends; once a
 * gap has been seen for the configured time it is taken as permanent (a rolled-back insert, a sequence cache) and
 * the sync moves past it. Every gap of a batch starts its clock when the batch is first read, so a table with many
 * old holes costs one wait per batch, not one per hole. With {@code run --once} the tick waits the remaining time
 * instead of ending, so it still ends caught up. The clocks live in memory: after a restart, or on another node,
 * the wait starts again, which delays but never loses a row.
 */
final class GapWatch {

    private final Duration wait;
    private final boolean waitInTick;
    private final NavigableMap<Long, Instant> firstSeen = new TreeMap<>();

    /**
     * @param waitInTick sleep until a gap's wait is over instead of cutting the batch ({@code run --once})
     */
    GapWatch(int waitSeconds, boolean waitInTick) {
        this.wait = Duration.ofSeconds(waitSeconds);
        this.waitInTick = waitInTick;
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
    synchronized int writable(Long lastKey, List<Long> keys, Instant now) throws InterruptedException {
        if (lastKey != null) {
            firstSeen.headMap(lastKey, true).clear();
        }
        long expected = lastKey == null ? Long.MIN_VALUE : lastKey + 1;
        int firstYoung = keys.size();
        Instant youngUntil = now;
        for (int i = 0; i < keys.size(); i++) {
            long key = keys.get(i);
            if (expected != Long.MIN_VALUE && key > expected) {
                Instant until = firstSeen.computeIfAbsent(expected, k -> now).plus(wait);
                if (now.isBefore(until) && firstYoung == keys.size()) {
                    firstYoung = i;
                    youngUntil = until;
                }
            }
            expected = key + 1;
        }
        if (firstYoung < keys.size() && waitInTick) {
            Thread.sleep(Math.max(1, Duration.between(now, youngUntil).toMillis()));
            return writable(lastKey, keys, Instant.now());
        }
        return firstYoung;
    }

    /** The first key missing before the rows that were held back, for the log line. */
    synchronized Long oldestGap() {
        return firstSeen.isEmpty() ? null : firstSeen.firstKey();
    }
}
