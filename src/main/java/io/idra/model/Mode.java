package io.idra.model;

import java.util.Arrays;
import java.util.Optional;

/** How a sync finds the rows it has not copied yet (SYNC-FORMAT.md, "Modes"). */
public enum Mode {
    FULL_WITH_ID("FullWithId"),
    ID_FIELD("IdField"),
    LAST_DESTINATION_ID("LastDestinationId"),
    LAST_DESTINATION_TIMESTAMP("LastDestinationTimestamp"),
    TIMESTAMP("Timestamp");

    private final String jsonName;

    Mode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<Mode> fromJson(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }

    /** Timestamp modes order rows by (timestamp_field, key); id modes by key alone. */
    public boolean usesTimestamp() {
        return this == LAST_DESTINATION_TIMESTAMP || this == TIMESTAMP;
    }

    /** LastDestination* modes read their offset from the destination table itself, the others from the state store. */
    public boolean offsetInDestination() {
        return this == LAST_DESTINATION_ID || this == LAST_DESTINATION_TIMESTAMP;
    }
}
