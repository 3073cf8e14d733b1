package io.idra.ops;

/**
 * One sync as a JMX console shows it: {@code io.idra:type=sync,name=<sync_name>}. Starting, stopping, suspending
 * and resuming stay with Camel's own route MBean ({@code org.apache.camel:context=idra,type=routes,
 * name="sync-<sync_name>"}); this one adds what the sync itself knows. Times are ISO-8601 instants, null before
 * the first tick. No attribute ever holds a password.
 */
public interface SyncMXBean {

    String getSyncName();

    /** FullWithId, IdField, LastDestinationId, LastDestinationTimestamp or Timestamp. */
    String getMode();

    /** Insert or Upsert. */
    String getSaveMode();

    /** WAITING (no tick yet), RUNNING, SUCCEEDED or FAILED. */
    String getState();

    /** Camel's status of the sync's route: Started, Stopped, Suspended... */
    String getRouteStatus();

    String getLastTickStart();

    String getLastTickEnd();

    long getLastTickDurationMillis();

    /** The last tick's error ({@code sync 'x': field or step: reason}), null after a success. */
    String getLastError();

    /** Rows copied since this process started. */
    long getRowsCopiedTotal();

    long getRowsCopiedLastTick();

    /**
     * Where the sync stands, in the form {@link #setOffset} takes: {@code 42}, or {@code ["2024-05-01T10:00:00",42]}
     * for a compound cursor; "" when it starts from the beginning, null when it cannot be read yet.
     */
    String getOffset();

    /** Seconds (timestamp modes) or rows (id modes) the sync is behind its source; -1 when unknown. */
    long getLag();

    /** "seconds" or "rows". */
    String getLagUnit();

    /** Source rows whose cursor column is NULL, which no mode can copy (counted at most every five minutes). */
    long getNullCursorRows();

    /** Connector type, table (or query) and connection string with the password masked. */
    String getSource();

    String getDestination();

    /** Starts a tick now, also during a failure backoff; it waits for a running tick to end (never two at once). */
    void runNow();

    /**
     * Stores a new offset; only while the route is stopped, and only for modes whose offset is stored (not the
     * LastDestination* modes, whose offset is the destination's MAX). One value for a one-column cursor
     * ({@code 42}); a JSON array for a compound one ({@code ["2024-05-01T10:00:00", 42]}: after that row), or the
     * timestamp alone (from that time on).
     */
    void setOffset(String value);

    /** Deletes the stored offset: the sync starts again from start_offset. Only while the route is stopped. */
    void resetOffset();
}
