package io.idra.route;

import io.idra.connect.Pools;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns exceptions into the one line a user reads. */
public final class Errors {

    private Errors() {
    }

    /**
     * Our own {@link SyncException} as written; otherwise the deepest cause's message (the driver's words, which
     * name the real problem), first line only. A failed JDBC batch hides its reason in the next exception, and
     * PostgreSQL's batch message would show the row's values, so the next exception's message is used instead.
     * The pool's timeout with no driver failure behind it is reworded: a server that took the TCP connection but
     * never answered (or a pool that stayed busy) is all it can mean.
     */
    public static String firstLine(Throwable error) {
        Throwable chosen = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SyncException) {
                chosen = t;
                break;
            }
            if (t.getMessage() != null) {
                chosen = t;
            }
        }
        if (chosen instanceof SQLException sql && sql.getNextException() != null) {
            chosen = sql.getNextException();
        }
        // exactly the pool's class (Connector/J throws subclasses of its own); no cause: no failed attempt behind it
        if (chosen.getClass() == SQLTransientConnectionException.class && chosen.getCause() == null) {
            return "no connection within " + Pools.CONNECTION_TIMEOUT_SECONDS + " s: the server accepted the"
                    + " connection but did not answer, or every pooled connection stayed busy";
        }
        String message = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /**
     * The sync-and-field form of SYNC-FORMAT.md, {@code sync 'x': field: what}; for a failure that names no field,
     * what the sync was doing takes the field's place ({@code sync 'x': writing a batch: what}).
     */
    public static String forSync(String syncName, String doing, Throwable error) {
        SyncException own = find(error);
        String where = own != null && !own.path().isEmpty() ? own.path() : doing;
        return "sync '" + syncName + "': " + (where == null || where.isEmpty() ? "" : where + ": ") + firstLine(error);
    }

    private static SyncException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SyncException s) {
                return s;
            }
        }
        return null;
    }
}
