package io.idra.connect;

import io.idra.model.ConnectorType;

import java.util.Objects;

/**
 * Reads a connector's {@code connection_string} (SYNC-FORMAT.md, Connector) in any of the forms Idra records
 * use: a libpq key=value DSN or postgres:// URI, a go-sql-driver/mysql DSN, or a JDBC URL.
 */
public final class ConnectionStrings {

    private ConnectionStrings() {
    }

    /**
     * @param type             the connector's {@code connector_source_type}; the string must be written for it
     * @param connectionString the record's {@code connection_string}
     * @param database         the record's {@code database}: for MySQL the database used when the string names
     *                         none; for PostgreSQL the schema ({@code currentSchema}) used when it sets none
     * @throws InvalidConnectionStringException with a one-line message that never contains the password
     */
    public static JdbcTarget parse(ConnectorType type, String connectionString, String database) {
        Objects.requireNonNull(type, "type");
        if (connectionString == null || connectionString.isBlank()) {
            throw new InvalidConnectionStringException("is empty");
        }
        String text = connectionString.strip();
        String schemaOrDatabase = database == null ? "" : database;
        // too malformed to recognise: let the parser of the expected syntax say what is wrong
        Syntax syntax = Syntax.detect(text)
                .orElse(type == ConnectorType.POSTGRES ? Syntax.LIBPQ_DSN : Syntax.GO_MYSQL_DSN);
        if (syntax.engine != type) {
            throw new InvalidConnectionStringException("this looks like a " + Syntax.engineName(syntax.engine)
                    + " connection string, but connector_source_type is " + type.jsonName());
        }
        return switch (syntax) {
            case LIBPQ_DSN -> LibpqDsn.parse(text, schemaOrDatabase);
            case POSTGRES_URI -> PostgresUri.parse(text, schemaOrDatabase);
            case GO_MYSQL_DSN -> GoMysqlDsn.parse(text, schemaOrDatabase);
            case JDBC_POSTGRES, JDBC_MYSQL -> JdbcUrl.parse(type, text, schemaOrDatabase);
            case MYSQL_URI -> throw new InvalidConnectionStringException("mysql:// URIs are not supported; write "
                    + "user:password@tcp(host:port)/dbname or jdbc:mysql://host:port/dbname");
        };
    }
}
