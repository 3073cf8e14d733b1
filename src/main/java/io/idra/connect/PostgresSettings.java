package io.idra.connect;

import io.idra.model.ConnectorType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns libpq settings (from a key=value DSN or a postgres:// URI) into a pgjdbc URL and properties.
 * Settings pgjdbc has no equivalent for are listed in {@link JdbcTarget#ignoredKeys()}, not rejected, because
 * Idra's pgx driver passed unknown keys to the server as run-time parameters and records rely on that.
 */
final class PostgresSettings {

    private static final int DEFAULT_PORT = 5432;
    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    /** libpq keys whose pgjdbc property takes the value unchanged. */
    private static final Map<String, String> PGJDBC_NAMES = Map.of(
            "application_name", "ApplicationName",
            "search_path", "currentSchema",
            "options", "options",
            "sslrootcert", "sslrootcert",
            "sslcert", "sslcert",
            "sslkey", "sslkey");
    /** Keys that build the URL or the user and password fields. "database" is pgx's spelling of dbname. */
    private static final Set<String> ADDRESS_KEYS = Set.of("host", "port", "dbname", "database", "user", "password");

    private PostgresSettings() {
    }

    static boolean isKnownKey(String key) {
        return ADDRESS_KEYS.contains(key) || PGJDBC_NAMES.containsKey(key) || key.equals("sslmode")
                || key.equals("connect_timeout") || isTimeZoneKey(key);
    }

    /**
     * @param settings libpq keys and values in order; empty values mean "not set", as in libpq
     * @param database the connector's {@code database}: for PostgreSQL the schema, used when the string sets none
     */
    static JdbcTarget toTarget(String errorPrefix, Map<String, String> settings, String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        String timeZone = null;
        String dbname = "";
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue();
            if (value.isEmpty() && isKnownKey(key)) {
                continue;
            }
            if (key.equals("dbname") || key.equals("database")) {
                dbname = value;
            } else if (key.equals("sslmode")) {
                properties.put("sslmode", sslMode(errorPrefix, value));
            } else if (key.equals("connect_timeout")) {
                properties.put("connectTimeout", connectTimeout(errorPrefix, value));
            } else if (isTimeZoneKey(key)) {
                timeZone = TimeZones.canonical(value).orElseThrow(() -> new InvalidConnectionStringException(
                        errorPrefix + "unknown time zone '" + value + "' for key '" + key + "'"));
            } else if (PGJDBC_NAMES.containsKey(key)) {
                properties.put(PGJDBC_NAMES.get(key), value);
            } else if (!ADDRESS_KEYS.contains(key)) {
                ignored.add(key);
            }
        }
        String user = emptyToNull(settings.get("user"));
        if (dbname.isEmpty() && user != null) {
            dbname = user; // libpq's default database is the user name
        }
        if (!database.isBlank() && !properties.containsKey("currentSchema")
                && !properties.getOrDefault("options", "").contains("search_path")) {
            properties.put("currentSchema", database.strip());
        }
        String url = "jdbc:postgresql://" + servers(errorPrefix, settings) + "/" + Percent.encode(dbname);
        return new JdbcTarget(ConnectorType.POSTGRES, url, user, emptyToNull(settings.get("password")),
                properties, timeZone, ignored);
    }

    /** TimeZone is a server setting, not a libpq key, and server setting names ignore case. */
    private static boolean isTimeZoneKey(String key) {
        return key.equalsIgnoreCase("TimeZone");
    }

    /** libpq's host and port lists: one port for all hosts, or one per host; an empty item takes the default. */
    private static String servers(String errorPrefix, Map<String, String> settings) {
        String[] hosts = settings.getOrDefault("host", "").split(",", -1);
        String[] ports = settings.getOrDefault("port", "").split(",", -1);
        if (ports.length != 1 && ports.length != hosts.length) {
            throw new InvalidConnectionStringException(
                    errorPrefix + ports.length + " port numbers for " + hosts.length + " hosts");
        }
        StringJoiner servers = new StringJoiner(",");
        for (int i = 0; i < hosts.length; i++) {
            String host = hosts[i].strip();
            if (host.startsWith("/") || host.startsWith("@")) {
                throw new InvalidConnectionStringException(
                        errorPrefix + "unix-domain sockets are not supported; use a host name or address");
            }
            int port = HostPort.port(ports[ports.length == 1 ? 0 : i].strip(), DEFAULT_PORT, errorPrefix);
            servers.add(new HostPort(host.isEmpty() ? "localhost" : host, port).toString());
        }
        return servers.toString();
    }

    private static String sslMode(String errorPrefix, String value) {
        if (!SSL_MODES.contains(value)) {
            throw new InvalidConnectionStringException(errorPrefix + "invalid sslmode '" + value
                    + "' (expected disable, allow, prefer, require, verify-ca or verify-full)");
        }
        return value;
    }

    /** libpq: zero or negative waits forever, and 1 second is raised to 2; pgjdbc reads 0 as forever too. */
    private static String connectTimeout(String errorPrefix, String value) {
        int seconds;
        try {
            seconds = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConnectionStringException(
                    errorPrefix + "connect_timeout must be a whole number of seconds, got '" + value + "'");
        }
        return String.valueOf(seconds <= 0 ? 0 : Math.max(seconds, 2));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
