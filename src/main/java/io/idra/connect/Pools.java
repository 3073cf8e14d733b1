package io.idra.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.h2.api.ErrorCode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HikariCP pool per distinct connection and role, shared by every sync that uses it, closed when Camel stops.
 * Sources and destinations get separate pools because they need different driver settings (cursor streaming vs.
 * batch rewriting). A destination connection never auto-commits: a batch commits exactly once. A source connection
 * auto-commits only where its dialect streams without a transaction ({@link io.idra.dialect.Dialect#sourceAutocommit}):
 * a question to it then needs no transaction to end.
 */
public final class Pools extends ServiceSupport {

    public enum Role { SOURCE, DESTINATION }

    /** How long a tick waits for a connection before it fails; the drivers give up sooner (ConnectTimeouts). */
    public static final int CONNECTION_TIMEOUT_SECONDS = 10;

    /** How long opening the state store waits for another process that holds its H2 file. */
    private static final Duration STATE_LOCK_WAIT = Duration.ofSeconds(30);

    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final int maxSize;

    public Pools(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * @param roleProperties driver settings the dialect wants for this role
     * @param autocommit     whether the pool's connections auto-commit (a source whose dialect allows it)
     * @param initSql        SQL run on each new connection (session time zone), or null
     */
    public DataSource get(JdbcTarget target, Role role, Map<String, String> roleProperties, boolean autocommit,
                          String initSql) {
        String key = role + "|" + target.poolKey() + "|" + initSql;
        return pools.computeIfAbsent(key, k -> create(target, role, roleProperties, autocommit, initSql));
    }

    /**
     * Ends a read on a pooled connection: rolls back the transaction it began, unless the connection auto-commits
     * (then there is none, and MySQL's driver refuses a rollback). The pool would roll back a connection returned
     * dirty, but not one that only read metadata, whose transaction would then hold its snapshot until next used.
     */
    public static void endRead(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    /**
     * The state store's pool: a plain JDBC URL from the settings (H2, PostgreSQL or MySQL). It opens a connection at
     * once, so a store that cannot be used stops the program before any sync starts.
     *
     * @throws IllegalStateException naming the setting and the driver's reason, never the URL (it may hold a password)
     */
    public DataSource state(String jdbcUrl, String user, String password) {
        return pools.computeIfAbsent("STATE|" + jdbcUrl + "|" + user, k -> {
            HikariConfig config = new HikariConfig();
            config.setPoolName("idra-state");
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setAutoCommit(false);
            config.setMaximumPoolSize(maxSize);
            config.setMinimumIdle(0);
            Instant giveUp = Instant.now().plus(STATE_LOCK_WAIT);
            while (true) {
                try {
                    return new HikariDataSource(config);
                } catch (RuntimeException e) {
                    if (heldByAnotherProcess(e) && Instant.now().isBefore(giveUp)) {
                        pause();
                        continue;
                    }
                    // no cause kept: one-line error printers show the deepest cause, which drops the setting's name
                    throw new IllegalStateException("cannot open the state store (idra.state.url): " + rootReason(e));
                }
            }
        });
    }

    /**
     * The default H2 file is opened by {@code run} and by every CLI command. A command that starts just before
     * {@code run} holds the file for a moment (H2 then reports its lock file as in use or recently modified, or, when
     * run reached it through the command's AUTO_SERVER just as the command ended, the database as already closed);
     * run waits for it instead of exiting.
     */
    private static boolean heldByAnotherProcess(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    || sql.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                    || sql.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1
                    && String.valueOf(sql.getMessage()).contains("Lock file"))) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the state store (idra.state.url)");
        }
    }

    private static String rootReason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private HikariDataSource create(JdbcTarget target, Role role, Map<String, String> roleProperties,
                                    boolean autocommit, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("idra-" + role.name().toLowerCase() + "-" + counter.incrementAndGet());
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        ConnectTimeouts.defaults(target).forEach(config::addDataSourceProperty);
        target.properties().forEach(config::addDataSourceProperty);
        roleProperties.forEach(config::addDataSourceProperty);
        config.setAutoCommit(autocommit);
        config.setReadOnly(role == Role.SOURCE);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        // A database that is down at start must fail the tick that needs it, not the whole program.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_SECONDS * 1000L);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(config);
    }

    @Override
    protected void doStop() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
