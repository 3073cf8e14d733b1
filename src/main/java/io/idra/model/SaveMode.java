package io.idra.model;

/**
 * How a batch is written. Both are idempotent, so a batch written again after a crash changes nothing:
 * INSERT skips keys already present at the destination, UPSERT updates them.
 */
public enum SaveMode {
    INSERT,
    UPSERT
}
