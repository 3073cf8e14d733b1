package io.idra.bench;

/** Which engine is read and which is written. */
enum Direction {
    PG_TO_MYSQL("pg-to-mysql", "PG → MySQL"),
    MYSQL_TO_PG("mysql-to-pg", "MySQL → PG");

    final String id;
    final String label;

    Direction(String id, String label) {
        this.id = id;
        this.label = label;
    }

    Db source() {
        return this == PG_TO_MYSQL ? Db.postgres() : Db.mysql();
    }

    Db destination() {
        return this == PG_TO_MYSQL ? Db.mysql() : Db.postgres();
    }

    static Direction of(String id) {
        for (Direction d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + id + "' (pg-to-mysql, mysql-to-pg)");
    }
}
