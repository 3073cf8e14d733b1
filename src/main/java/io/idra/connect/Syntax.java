package io.idra.connect;

import io.idra.model.ConnectorType;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The connection string syntaxes accepted, each belonging to one engine. */
enum Syntax {
    LIBPQ_DSN(ConnectorType.POSTGRES),
    POSTGRES_URI(ConnectorType.POSTGRES),
    JDBC_POSTGRES(ConnectorType.POSTGRES),
    GO_MYSQL_DSN(ConnectorType.MYSQL),
    /** mysql:// URIs: recognised only to say which forms to write instead. */
    MYSQL_URI(ConnectorType.MYSQL),
    JDBC_MYSQL(ConnectorType.MYSQL);

    /** key=value strings start with a key and '='; a go-sql-driver DSN starts with a user, a net or '/'. */
    private static final Pattern LIBPQ_START = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*=");
    /** {@code @net(addr)/}, {@code @/}, {@code net(addr)/} or a leading '/': the part of a DSN before the database. */
    private static final Pattern GO_MYSQL_SHAPE = Pattern.compile("(^|@)[A-Za-z0-9]*(\\([^()]*\\))?/");

    final ConnectorType engine;

    Syntax(ConnectorType engine) {
        this.engine = engine;
    }

    /** The syntax {@code text} is plainly written in, or empty when it is too malformed to tell. */
    static Optional<Syntax> detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return Optional.of(jdbc(lower));
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return Optional.of(POSTGRES_URI);
        }
        if (lower.startsWith("mysql://") || lower.startsWith("mariadb://")) {
            return Optional.of(MYSQL_URI);
        }
        if (LIBPQ_START.matcher(text).lookingAt()) {
            return Optional.of(LIBPQ_DSN);
        }
        if (GO_MYSQL_SHAPE.matcher(text).find()) {
            return Optional.of(GO_MYSQL_DSN);
        }
        return Optional.empty();
    }

    private static Syntax jdbc(String lower) {
        if (lower.startsWith("jdbc:postgresql:")) {
            return JDBC_POSTGRES;
        }
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mysql+srv:")
                || lower.startsWith("jdbc:mariadb:")) {
            return JDBC_MYSQL;
        }
        throw new InvalidConnectionStringException(
                JdbcUrl.ERROR_PREFIX + "unsupported driver; expected jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:");
    }

    static String engineName(ConnectorType type) {
        return type == ConnectorType.POSTGRES ? "PostgreSQL" : "MySQL";
    }
}
