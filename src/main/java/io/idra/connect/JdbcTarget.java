package io.idra.connect;

import io.idra.model.ConnectorType;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where and how to open JDBC connections for one connector.
 *
 * @param jdbcUrl     never holds the user, the password or another secret, so it can be logged
 * @param user        null when the connection string names none (the driver then uses its default)
 * @param password    null when the connection string names none or an empty one
 * @param properties  driver properties derived from the connection string, in the order they were found; those
 *                    named by {@link #isSecretProperty} hold secrets and are never printed
 * @param timeZone    session time zone the user asked for (libpq {@code TimeZone}, go-sql-driver {@code loc} or
 *                    {@code time_zone}), or null
 * @param ignoredKeys keys of the connection string that have no effect here, so the caller can warn about them
 */
public record JdbcTarget(
        ConnectorType type,
        String jdbcUrl,
        String user,
        String password,
        Map<String, String> properties,
        String timeZone,
        List<String> ignoredKeys) {

    /**
     * Keyed with a random per-process secret: the pool key must tell passwords apart, but a plain hash of a weak
     * password printed in a log could be brute-forced offline.
     */
    private static final SecretKeySpec FINGERPRINT_KEY = new SecretKeySpec(randomBytes(), "HmacSHA256");

    public JdbcTarget {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        ignoredKeys = List.copyOf(ignoredKeys);
    }

    /**
     * Whether a driver property holds a secret: any name containing "password", ignoring case (sslpassword,
     * trustCertificateKeyStorePassword, password1...). A few such names are not secret (passwordCharacterEncoding),
     * but treating them as secret only keeps them out of logs.
     */
    public static boolean isSecretProperty(String name) {
        return name.toLowerCase(Locale.ROOT).contains("password");
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /**
     * The URL without {@code jdbc:} and parameters, and the user, e.g.
     * {@code postgresql://localhost:5432/school as postgres}.
     */
    public String describe() {
        String where = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        int query = where.indexOf('?');
        if (query >= 0) {
            where = where.substring(0, query);
        }
        return user == null ? where : where + " as " + user;
    }

    /**
     * Equal for targets that may share one connection pool. Holds keyed fingerprints of the password and of the
     * secret properties, never the secrets themselves, so it is safe to log.
     */
    public String poolKey() {
        StringJoiner props = new StringJoiner(", ", "{", "}");
        properties.forEach((key, value) -> props.add(key + "=" + (isSecretProperty(key) ? fingerprint(value) : value)));
        return jdbcUrl + "|user=" + user + "|props=" + props + "|tz=" + timeZone
                + "|pw=" + (password == null ? "-" : fingerprint(password));
    }

    /** The record's generated toString would print the password. */
    @Override
    public String toString() {
        return describe();
    }

    private static String fingerprint(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(FINGERPRINT_KEY);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
