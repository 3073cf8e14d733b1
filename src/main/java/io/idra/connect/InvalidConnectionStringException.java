package io.idra.connect;

/**
 * A connection string that cannot be turned into a {@link JdbcTarget}.
 *
 * <p>The message is one line saying what is wrong (the caller prefixes the sync name and JSON path) and never
 * contains the password: parsers only quote fragments that cannot be part of it.
 */
public class InvalidConnectionStringException extends IllegalArgumentException {

    public InvalidConnectionStringException(String message) {
        super(message);
    }
}
