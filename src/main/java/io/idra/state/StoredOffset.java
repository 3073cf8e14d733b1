package io.idra.state;

import io.idra.cursor.Offset;

import java.time.Instant;

/** A row of the state store: the offset of one sync and when it was saved. */
public record StoredOffset(String syncId, String syncName, Offset offset, Instant updatedAt) {
}
