package io.idra.testdb;

/**
 * The parts of a single-host {@code jdbc:postgresql://} or {@code jdbc:mysql://} URL that the test helpers need:
 * the host and port (for DSNs and log lines) and a way to point the same URL, with its parameters, at another
 * database.
 */
record JdbcUrl(String scheme, String host, int port, String query) {

    static JdbcUrl parse(String url, int defaultPort) {
        int authorityStart = url.indexOf("://");
        if (!url.startsWith("jdbc:") || authorityStart < 0) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host[:port]/ URL: " + url);
        }
        authorityStart += 3;
        int authorityEnd = indexOfAny(url, "/?", authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        if (authority.isEmpty() || authority.contains(",") || authority.contains("@")) {
            throw new IllegalArgumentException("expected exactly one host[:port] in " + url);
        }
        int queryStart = url.indexOf('?', authorityEnd);
        String query = queryStart < 0 ? "" : url.substring(queryStart);
        String scheme = url.substring(0, authorityStart);

        // IPv6 literals are bracketed in URLs, but DSNs and sockets want the bare address
        int portSeparator = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                                                       : authority.lastIndexOf(':');
        String host = portSeparator < 0 ? authority : authority.substring(0, portSeparator);
        int port = portSeparator < 0 ? defaultPort : Integer.parseInt(authority.substring(portSeparator + 1));
        return new JdbcUrl(scheme, host.replace("[", "").replace("]", ""), port, query);
    }

    /** The same server, user-facing parameters kept (sslmode etc.), with {@code database} as the current database. */
    String withDatabase(String database) {
        return scheme + hostForUrl() + ":" + port + "/" + database + query;
    }

    /** {@code host}, bracketed when it is an IPv6 literal, as URLs and Go DSNs need. */
    String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static int indexOfAny(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
