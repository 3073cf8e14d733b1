package io.idra.model;

import java.util.Set;

/**
 * Names of the connector {@code attributes} this product reads (SYNC-FORMAT.md). Any other attribute key is kept
 * in {@link Connector#attributes()} but warned about, as it is most likely a typo.
 */
public final class Attributes {

    /** Source: read only rows older than the database's now() minus this many seconds. */
    public static final String TIMESTAMP_DELAY_SECONDS = "timestamp_delay_seconds";
    /** Source: wait this long for a gap in the key sequence to fill before moving past it. */
    public static final String ID_GAP_WAIT_SECONDS = "id_gap_wait_seconds";
    /** Destination: create the table when it does not exist. */
    public static final String CREATE_TABLE = "create_table";
    /** Destination: add columns the source has and the destination lacks. */
    public static final String ADD_MISSING_COLUMNS = "add_missing_columns";

    /** Every attribute key accepted without a warning. */
    public static final Set<String> KNOWN =
            Set.of(TIMESTAMP_DELAY_SECONDS, ID_GAP_WAIT_SECONDS, CREATE_TABLE, ADD_MISSING_COLUMNS);

    private Attributes() {
    }
}
