package io.idra.state;

import java.time.Instant;

/**
 * One sync's row of the status table, as the last node that ran it wrote it.
 *
 * @param state          WAITING, RUNNING, SUCCEEDED or FAILED
 * @param lastTickStart  null before the first tick
 * @param rowsTotal      rows copied by every node and run since the row was created
 * @param lastError      the last tick's error line (passwords masked), null after a success
 * @param offsetText     the offset as the last tick left it ({@code > 42}, {@code > [2024-05-01T10:00, 7]})
 * @param nullCursorRows source rows that cannot be copied because a cursor column is NULL, as last counted
 * @param node           the process that wrote the row ({@code idra.node.name})
 * @param updatedAt      when it was written: at least once a minute while the sync's route runs
 */
public record SyncStatusRow(String syncId, String syncName, String state, Instant lastTickStart, Instant lastTickEnd,
                            long rowsLastTick, long rowsTotal, String lastError, String offsetText,
                            long nullCursorRows, String node, Instant updatedAt) {
}
