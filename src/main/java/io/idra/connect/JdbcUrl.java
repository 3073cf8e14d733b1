package io.idra.connect;

import io.idra.model.ConnectorType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code jdbc:postgresql:}, {@code jdbc:mysql:} and {@code jdbc:mariadb:} URLs, handed to the driver as written
 * except that the user and password (query parameters or {@code user:password@} before the host) move into the
 * fields, and every other parameter whose name holds "password" ({@code sslpassword},
 * {@code trustCertificateKeyStorePassword}, ...) into the properties, so the URL can be logged.
 * {@code jdbc:mariadb:} becomes {@code jdbc:mysql:}: only mysql-connector-j ships, and it talks to MariaDB. Values are decoded as both drivers do, with '+' meaning a space. A user or
 * password in {@code user:password@} is taken out for pgjdbc too, which would otherwise read it as a host name.
 */
final class JdbcUrl {

    static final String ERROR_PREFIX = "JDBC URL: ";
    private static final String MARIADB = "jdbc:mariadb:";

    private String user;
    private String password;
    private String userInfoUser;
    private String userInfoPassword;
    private final Map<String, String> secretParameters = new LinkedHashMap<>();

    private JdbcUrl() {
    }

    static JdbcTarget parse(ConnectorType type, String url, String database) {
        return new JdbcUrl().target(type, url, database);
    }

    private JdbcTarget target(ConnectorType type, String url, String database) {
        String withoutUserInfo = removeUserInfo(rewriteMariadb(url));
        int question = withoutUserInfo.indexOf('?');
        String base = question < 0 ? withoutUserInfo : withoutUserInfo.substring(0, question);
        String query = question < 0 ? "" : keptParameters(withoutUserInfo.substring(question + 1));
        checkNoCredentialsLeft(base);
        // Connector/J lets user:password@ win over the query parameters; pgjdbc has no user info at all
        user = userInfoUser != null ? userInfoUser : user;
        password = userInfoPassword != null ? userInfoPassword : password;
        Map<String, String> properties = new LinkedHashMap<>(secretParameters);
        if (!database.isBlank()) {
            if (type == ConnectorType.MYSQL) {
                base = withDefaultDatabase(base, database.strip());
            } else if (!query.contains("currentSchema=") && !query.contains("search_path")) {
                properties.put("currentSchema", database.strip()); // for PostgreSQL, database is the schema
            }
        }
        String jdbcUrl = query.isEmpty() ? base : base + "?" + query;
        return new JdbcTarget(type, jdbcUrl, user, password, properties, null, List.of());
    }

    private static String rewriteMariadb(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(MARIADB) ? "jdbc:mysql:" + url.substring(MARIADB.length()) : url;
    }

    /** {@code user:password@host}: the last '@' before the path, unless it belongs to a query value (?user=a@b). */
    private String removeUserInfo(String url) {
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return url;
        }
        int start = slashes + 2;
        int pathStart = url.indexOf('/', start);
        int at = url.lastIndexOf('@', (pathStart < 0 ? url.length() : pathStart) - 1);
        if (at < start || url.substring(start, at).indexOf('=') >= 0) {
            return url;
        }
        String userInfo = url.substring(start, at);
        int colon = userInfo.indexOf(':');
        userInfoUser = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "the user name"));
        userInfoPassword = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1), "the password"));
        return url.substring(0, start) + url.substring(at + 1);
    }

    /**
     * The query without user and password, which go to the fields (a later one wins, as in the drivers), and
     * without the other secret parameters, which go to the properties decoded, as the drivers would decode them.
     */
    private String keptParameters(String query) {
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            if (key.equalsIgnoreCase("user")) {
                user = emptyToNull(decode(value, "the user parameter"));
            } else if (key.equalsIgnoreCase("password")) {
                password = emptyToNull(decode(value, "the password parameter"));
            } else if (JdbcTarget.isSecretProperty(key)) {
                secretParameters.put(key, decode(value, "the " + key + " parameter"));
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    /**
     * An '@' still there means a user or password held an unencoded '/', and Connector/J's key-value host
     * form ({@code (host=h,password=p)}) can carry one too: refuse rather than keep a password in the URL.
     */
    private static void checkNoCredentialsLeft(String base) {
        if (base.indexOf('@') >= 0) {
            throw new InvalidConnectionStringException(ERROR_PREFIX
                    + "'/', '?' and '@' in a user name or password must be percent-encoded (%2F, %3F, %40)");
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.contains("user=") || lower.contains("password=")) {
            throw new InvalidConnectionStringException(ERROR_PREFIX
                    + "user and password inside the host part are not supported; use ?user=...&password=...");
        }
    }

    /** Connector/J takes the database from the path only, so the connector's database goes there when it is empty. */
    private static String withDefaultDatabase(String base, String database) {
        int slashes = base.indexOf("//");
        if (slashes < 0) {
            return base;
        }
        int pathStart = base.indexOf('/', slashes + 2);
        if (pathStart < 0) {
            return base + "/" + Percent.encode(database);
        }
        return pathStart == base.length() - 1 ? base + Percent.encode(database) : base;
    }

    private static String decode(String text, String what) {
        return Percent.decode(text, true, ERROR_PREFIX + "invalid percent-encoding in " + what);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
