package io.idra.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The engines a connector can point at, by their names in Idra's records. */
public enum ConnectorType {
    POSTGRES("PostgresGORM"),
    MYSQL("MysqlGORM");

    /** Connector types Idra knows that this product does not support yet: rejected with "not supported yet". */
    public static final Set<String> KNOWN_UNSUPPORTED = Set.of(
            "MssqlGORM", "SqliteGORM", "OracleGORM", "ClickhouseGORM", "KafkaConnector", "RestApi", "MongoDB");

    private final String jsonName;

    ConnectorType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ConnectorType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }
}
