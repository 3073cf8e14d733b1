package io.idra.dialect;

import io.idra.model.ConnectorType;

/** The one place that maps a connector type to its dialect. */
public final class Dialects {

    private static final Dialect POSTGRES = new PostgresDialect();
    private static final Dialect MYSQL = new MysqlDialect();

    private Dialects() {
    }

    public static Dialect of(ConnectorType type) {
        return switch (type) {
            case POSTGRES -> POSTGRES;
            case MYSQL -> MYSQL;
        };
    }
}
