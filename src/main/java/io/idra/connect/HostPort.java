package io.idra.connect;

/** One server address of a JDBC URL. */
record HostPort(String host, int port) {

    /** A host and a port as written, the port "" when absent. */
    record Written(String host, String port) {
    }

    /** IPv6 literals go in brackets, as both JDBC drivers expect. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Splits {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 literal (several
     * colons, hence no port, as Go's {@code net.SplitHostPort} decides).
     */
    static Written split(String spec, String errorPrefix) {
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw new InvalidConnectionStringException(errorPrefix + "missing ']' after an IPv6 address");
            }
            String rest = spec.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new InvalidConnectionStringException(errorPrefix + "unexpected text after ']' in an address");
            }
            return new Written(spec.substring(1, close), rest.isEmpty() ? "" : rest.substring(1));
        }
        int colon = spec.indexOf(':');
        if (colon < 0 || colon != spec.lastIndexOf(':')) {
            return new Written(spec, "");
        }
        return new Written(spec.substring(0, colon), spec.substring(colon + 1));
    }

    /** A TCP port, or {@code defaultPort} when {@code text} is empty. */
    static int port(String text, int defaultPort, String errorPrefix) {
        if (text.isEmpty()) {
            return defaultPort;
        }
        if (!isValidPort(text)) {
            throw new InvalidConnectionStringException(errorPrefix + "bad port '" + text + "' (expected 1-65535)");
        }
        return Integer.parseInt(text);
    }

    static boolean isValidPort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }
}
