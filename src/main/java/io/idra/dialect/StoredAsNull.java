package io.idra.dialect;

/**
 * What a {@link Dialect.ValueWriter} returns for a value that the destination stores as NULL, by the documented
 * rule for that value (docs/TYPES.md), so that the caller binds NULL and warns with {@code reason}.
 */
public record StoredAsNull(String reason) {
}
