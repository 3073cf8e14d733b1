package io.idra.connect;

import io.idra.model.ConnectorType;

import java.util.Set;

/**
 * go-sql-driver/mysql DSNs: {@code [user[:password]@][net[(addr)]]/dbname[?param=value&...]}.
 * Split exactly as the Go driver's ParseDSN does, so any DSN that worked in Idra reads the same here: the
 * last '/' starts the database name, the last '@' before it ends the password, and the first ':' ends the
 * user; the password may therefore hold '@', ':' and '/', and is taken literally (not URL-decoded).
 */
final class GoMysqlDsn {

    static final String ERROR_PREFIX = "go-sql-driver DSN: ";
    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 3306;
    /** Go's TCP networks; tcp4 and tcp6 only pin the address family, which Java infers from the address. */
    private static final Set<String> TCP_NETWORKS = Set.of("", "tcp", "tcp4", "tcp6");
    /** Go's other network names: the only words safe to quote, as a malformed DSN may put a password piece here. */
    private static final Set<String> OTHER_NETWORKS =
            Set.of("udp", "udp4", "udp6", "ip", "ip4", "ip6", "unixgram", "unixpacket");

    private GoMysqlDsn() {
    }

    /** @param database used when the DSN names no database; may be empty, giving a URL without one */
    static JdbcTarget parse(String dsn, String database) {
        int slash = dsn.lastIndexOf('/');
        if (slash < 0) {
            throw new InvalidConnectionStringException(ERROR_PREFIX
                    + "missing '/' before the database name (expected user:password@tcp(host:port)/dbname)");
        }
        String left = dsn.substring(0, slash);
        String user = null;
        String password = null;
        int at = left.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = left.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? null : userInfo.substring(colon + 1);
        }
        HostPort server = server(left.substring(at + 1));

        String right = dsn.substring(slash + 1);
        int question = right.indexOf('?');
        String dbname = Percent.decode(question < 0 ? right : right.substring(0, question), false,
                ERROR_PREFIX + "invalid URL encoding in the database name");
        GoMysqlParams.Mapped params = GoMysqlParams.map(question < 0 ? "" : right.substring(question + 1));
        if (dbname.isEmpty()) {
            dbname = database.strip();
        }
        String url = "jdbc:mysql://" + server + (dbname.isEmpty() ? "" : "/" + Percent.encode(dbname));
        return new JdbcTarget(ConnectorType.MYSQL, url, emptyToNull(user), emptyToNull(password),
                params.properties(), params.timeZone(), params.ignoredKeys());
    }

    /** {@code net(addr)}, {@code net} or nothing; only TCP can be reached from Java. */
    private static HostPort server(String netAndAddress) {
        String net = netAndAddress;
        String address = "";
        int open = netAndAddress.indexOf('(');
        if (open >= 0) {
            if (!netAndAddress.endsWith(")")) {
                // Go's two messages: a ')' further on means a '/' in a parameter value split the DSN wrongly
                throw new InvalidConnectionStringException(ERROR_PREFIX + (netAndAddress.indexOf(')', open) >= 0
                        ? "did you forget to URL-encode a parameter value? ('/' must be written %2F)"
                        : "network address not terminated (missing ')')"));
            }
            net = netAndAddress.substring(0, open);
            address = netAndAddress.substring(open + 1, netAndAddress.length() - 1);
        }
        if (net.equals("unix")) {
            throw new InvalidConnectionStringException(
                    ERROR_PREFIX + "unix sockets are not supported; use tcp(host:port)");
        }
        if (!TCP_NETWORKS.contains(net)) {
            throw new InvalidConnectionStringException(ERROR_PREFIX + (OTHER_NETWORKS.contains(net)
                    ? "network '" + net + "' is not supported; use tcp(host:port)"
                    : "cannot read the part before '/' (expected user:password@tcp(host:port)/dbname)"));
        }
        if (address.isEmpty()) {
            return new HostPort(DEFAULT_HOST, DEFAULT_PORT);
        }
        HostPort.Written written = HostPort.split(address, ERROR_PREFIX);
        String host = written.host().isEmpty() ? DEFAULT_HOST : written.host(); // Go dials ":3306" locally
        return new HostPort(host, HostPort.port(written.port(), DEFAULT_PORT, ERROR_PREFIX));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
