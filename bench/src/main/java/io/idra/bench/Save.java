package io.idra.bench;

import java.util.stream.Collectors;

/** The destination's save mode, with the write statements a careful programmer would use for it. */
enum Save {
    INSERT("insert", "Insert"),
    UPSERT("upsert", "Upsert");

    final String id;
    final String label;

    Save(String id, String label) {
        this.id = id;
        this.label = label;
    }

    static Save of(String id) {
        for (Save s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown save mode '" + id + "' (insert, upsert)");
    }

    /**
     * What follows {@code INSERT INTO dst (cols) VALUES (...)} or {@code ... SELECT ...}: the same idempotent
     * statements idra writes (docs/MODES.md, save modes). {@code alias} is the PostgreSQL target alias.
     */
    String conflictClause(Db.Engine engine) {
        var others = BenchTable.COLUMNS.subList(1, BenchTable.COLUMNS.size());
        if (engine == Db.Engine.POSTGRES) {
            return this == INSERT ? " ON CONFLICT (id) DO NOTHING"
                    : " ON CONFLICT (id) DO UPDATE SET "
                    + others.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                    + " WHERE (" + others.stream().map(c -> "d." + c).collect(Collectors.joining(", "))
                    + ") IS DISTINCT FROM (" + others.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", "))
                    + ")";
        }
        return this == INSERT ? " ON DUPLICATE KEY UPDATE id = id"
                : " ON DUPLICATE KEY UPDATE "
                + others.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
    }

    /** The destination table as the statement names it (PostgreSQL Upsert refers to it as {@code d}). */
    static String target(Db.Engine engine, String table) {
        return engine == Db.Engine.POSTGRES ? table + " AS d" : table;
    }
}
