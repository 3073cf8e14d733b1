package io.idra.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.support.service.ServiceSupport;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HikariCP pool per distinct connection and role, shared by every sync that uses it, closed when Camel stops.
 * Sources and destinations get separate pools because they need different driver settings (cursor streaming vs.
 * batch rewriting). Connections never auto-commit: a source streams inside one read transaction and a destination
 * batch commits exactly once.
 */
public final class Pools extends ServiceSupport {

    public enum Role { SOURCE, DESTINATION }

    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final int maxSize;

    public Pools(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * @param roleProperties driver settings the dialect wants for this role
     * @param initSql        SQL run on each new connection (session time zone), or null
     */
    public DataSource get(JdbcTarget target, Role role, Map<String, String> roleProperties, String initSql) {
        String key = role + "|" + target.poolKey() + "|" + initSql;
        return pools.computeIfAbsent(key, k -> create(target, role, roleProperties, initSql));
    }

    /** The state store's pool: a plain JDBC URL from the settings (H2, PostgreSQL or MySQL). */
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
            return new HikariDataSource(config);
        });
    }

    private HikariDataSource create(JdbcTarget target, Role role, Map<String, String> roleProperties, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("idra-" + role.name().toLowerCase() + "-" + counter.incrementAndGet());
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        target.properties().forEach(config::addDataSourceProperty);
        roleProperties.forEach(config::addDataSourceProperty);
        config.setAutoCommit(false);
        config.setReadOnly(role == Role.SOURCE);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        // A database that is down at start must fail the tick that needs it, not the whole program.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
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
