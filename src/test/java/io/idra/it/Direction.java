package io.idra.it;

import io.idra.model.ConnectorType;

/** The four ways a sync can point. */
public enum Direction {
    PG_TO_MYSQL(ConnectorType.POSTGRES, ConnectorType.MYSQL),
    MYSQL_TO_PG(ConnectorType.MYSQL, ConnectorType.POSTGRES),
    PG_TO_PG(ConnectorType.POSTGRES, ConnectorType.POSTGRES),
    MYSQL_TO_MYSQL(ConnectorType.MYSQL, ConnectorType.MYSQL);

    public final ConnectorType source;
    public final ConnectorType destination;

    Direction(ConnectorType source, ConnectorType destination) {
        this.source = source;
        this.destination = destination;
    }
}
