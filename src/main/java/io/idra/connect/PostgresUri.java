package io.idra.connect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code postgres://} and {@code postgresql://} URIs:
 * {@code postgresql://[user[:password]@][host[:port][,...]][/dbname][?key=value&...]}. Components are
 * percent-decoded, then mapped like the key=value form, whose keys the query parameters are.
 */
final class PostgresUri {

    static final String ERROR_PREFIX = "postgres URI: ";

    private PostgresUri() {
    }

    static JdbcTarget parse(String uri, String database) {
        String rest = uri.substring(uri.indexOf("://") + 3);
        int authorityEnd = firstOf(rest, "/?");
        String authority = rest.substring(0, authorityEnd);
        Map<String, String> settings = new LinkedHashMap<>();
        // the last '@', as Go's url.Parse (used by Idra's pgx) does, so an unencoded '@' in a password still works
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo(authority.substring(0, at), settings);
        }
        servers(authority.substring(at + 1), settings);
        String tail = rest.substring(authorityEnd);
        int query = tail.indexOf('?');
        String path = query < 0 ? tail : tail.substring(0, query);
        if (path.indexOf('@') >= 0) {
            // the '@' ending a password with an unencoded '/': the password's tail would become the database name
            throw new InvalidConnectionStringException(ERROR_PREFIX + "'@' after the host: write '/' in a user name or "
                    + "password as %2F, and '@' in a database name as %40");
        }
        if (path.length() > 1) {
            settings.put("dbname", decode(path.substring(1), "the database name"));
        }
        if (query >= 0) {
            queryParameters(tail.substring(query + 1), settings);
        }
        return PostgresSettings.toTarget(ERROR_PREFIX, settings, database);
    }

    private static void userInfo(String userInfo, Map<String, String> settings) {
        int colon = userInfo.indexOf(':');
        settings.put("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "the user name"));
        if (colon >= 0) {
            settings.put("password", decode(userInfo.substring(colon + 1), "the password"));
        }
    }

    /** Host and port lists in the libpq form, so both syntaxes share one mapping. */
    private static void servers(String hostSpec, Map<String, String> settings) {
        if (hostSpec.isEmpty()) {
            return;
        }
        StringJoiner hosts = new StringJoiner(",");
        StringJoiner ports = new StringJoiner(",");
        boolean anyPort = false;
        for (String server : hostSpec.split(",", -1)) {
            HostPort.Written written = HostPort.split(server, ERROR_PREFIX);
            String host = decode(written.host(), "a host name");
            if (!written.port().isEmpty() && !HostPort.isValidPort(written.port())) {
                // not quoted: with a '/' or '?' in the password unencoded, the "port" is a piece of the password
                throw new InvalidConnectionStringException(ERROR_PREFIX + "bad port after host '" + host
                        + "' (expected 1-65535; write '/' and '?' in a password as %2F and %3F)");
            }
            hosts.add(host);
            ports.add(written.port());
            anyPort |= !written.port().isEmpty();
        }
        settings.put("host", hosts.toString());
        if (anyPort) {
            settings.put("port", ports.toString());
        }
    }

    /** libpq reads '+' literally in URIs (only %20 is a space) and rejects a parameter without '='. */
    private static void queryParameters(String query, Map<String, String> settings) {
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                throw new InvalidConnectionStringException(ERROR_PREFIX + "a query parameter has no '='");
            }
            String key = decode(parameter.substring(0, equals), "a query parameter name");
            settings.put(key, decode(parameter.substring(equals + 1), "the value of query parameter '" + key + "'"));
        }
    }

    private static String decode(String text, String what) {
        return Percent.decode(text, false, ERROR_PREFIX + "invalid percent-encoding in " + what);
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
