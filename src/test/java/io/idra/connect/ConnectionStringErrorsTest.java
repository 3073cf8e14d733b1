package io.idra.connect;

import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static io.idra.model.ConnectorType.MYSQL;
import static io.idra.model.ConnectorType.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConnectionStringErrorsTest {

    private static String messageOf(ConnectorType type, String connectionString) {
        InvalidConnectionStringException error = catchThrowableOfType(InvalidConnectionStringException.class,
                () -> ConnectionStrings.parse(type, connectionString, ""));
        assertThat(error).as("error for %s", connectionString).isNotNull();
        assertThat(error.getMessage()).doesNotContain("\n");
        return error.getMessage();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankIsEmpty(String connectionString) {
        assertThat(messageOf(POSTGRES, connectionString)).isEqualTo("is empty");
        assertThat(messageOf(MYSQL, connectionString)).isEqualTo("is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "root:cacata12@tcp(127.0.0.1:3306)/school?charset=utf8mb4&parseTime=True&loc=Local",
            "/school",
            "jdbc:mysql://h/db",
            "jdbc:mariadb://h/db",
            "mysql://root:pw@h/db"})
    void mysqlStringForAPostgresConnector(String connectionString) {
        assertThat(messageOf(POSTGRES, connectionString))
                .isEqualTo("this looks like a MySQL connection string, but connector_source_type is PostgresGORM");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "host=localhost user=postgres password=postgres dbname=school port=5432 sslmode=disable TimeZone=Europe/Rome",
            "postgres://u:pw@h/db",
            "jdbc:postgresql://h/db"})
    void postgresStringForAMysqlConnector(String connectionString) {
        assertThat(messageOf(MYSQL, connectionString))
                .isEqualTo("this looks like a PostgreSQL connection string, but connector_source_type is MysqlGORM");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "user=u password='abc                | libpq DSN: unterminated quoted value for key 'password'",
            "host localhost                      | libpq DSN: missing '=' after key 'host'",
            "localhost                           | libpq DSN: missing '=' after the first word",
            "user=u =x                           | libpq DSN: '=' without a key before it",
            "user=u port=abc                     | libpq DSN: bad port 'abc' (expected 1-65535)",
            "user=u port=99999                   | libpq DSN: bad port '99999' (expected 1-65535)",
            "user=u port=0                       | libpq DSN: bad port '0' (expected 1-65535)",
            "host=a,b,c port=1,2                 | libpq DSN: 2 port numbers for 3 hosts",
            "host=/var/run/postgresql            | libpq DSN: unix-domain sockets are not supported; use a host name or address",
            "user=u sslmode=on                   | libpq DSN: invalid sslmode 'on' (expected disable, allow, prefer, require, verify-ca or verify-full)",
            "user=u connect_timeout=5s           | libpq DSN: connect_timeout must be a whole number of seconds, got '5s'",
            "user=u TimeZone=Mars/Olympus        | libpq DSN: unknown time zone 'Mars/Olympus' for key 'TimeZone'",
            "postgres://h:abc/db                 | postgres URI: bad port after host 'h' (expected 1-65535; write '/' and '?' in a password as %2F and %3F)",
            "postgres://u:1234/x@h/db            | postgres URI: '@' after the host: write '/' in a user name or password as %2F, and '@' in a database name as %40",
            "postgres://[::1/db                  | postgres URI: missing ']' after an IPv6 address",
            "postgres://h/db?sslmode             | postgres URI: a query parameter has no '='",
            "postgres://h/d%zz                   | postgres URI: invalid percent-encoding in the database name",
            "jdbc:sqlserver://h;databaseName=x   | JDBC URL: unsupported driver; expected jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:",
    })
    void malformedPostgresStrings(String connectionString, String message) {
        assertThat(messageOf(POSTGRES, connectionString)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "root:pw@tcp(h:3306)                        | go-sql-driver DSN: missing '/' before the database name (expected user:password@tcp(host:port)/dbname)",
            "root:pw@unix(/tmp/mysql.sock)/db           | go-sql-driver DSN: unix sockets are not supported; use tcp(host:port)",
            "root:pw@udp(h:3306)/db                     | go-sql-driver DSN: network 'udp' is not supported; use tcp(host:port)",
            "root:pw@pipe(x)/db                         | go-sql-driver DSN: cannot read the part before '/' (expected user:password@tcp(host:port)/dbname)",
            "root:pw@tcp(h:abc)/db                      | go-sql-driver DSN: bad port 'abc' (expected 1-65535)",
            "root:pw@tcp(h:99999)/db                    | go-sql-driver DSN: bad port '99999' (expected 1-65535)",
            "root:pw@tcp(h:3306/db                      | go-sql-driver DSN: network address not terminated (missing ')')",
            "root:pw@tcp(h)/db?loc=Europe/Rome          | go-sql-driver DSN: did you forget to URL-encode a parameter value? ('/' must be written %2F)",
            "root:pw@tcp(h)/db?charset=klingon          | go-sql-driver DSN: charset 'klingon' has no Java equivalent",
            "root:pw@tcp(h)/db?parseTime=yes            | go-sql-driver DSN: invalid boolean 'yes' for 'parseTime' (expected true or false)",
            "root:pw@tcp(h)/db?loc=Mars%2FOlympus       | go-sql-driver DSN: unknown time zone 'Mars/Olympus' for 'loc'",
            "root:pw@tcp(h)/db?timeout=5x               | go-sql-driver DSN: invalid duration '5x' for 'timeout' (expected Go syntax like 5s, 500ms or 1m30s)",
            "root:pw@tcp(h)/db?tls=custom               | go-sql-driver DSN: tls config 'custom' is registered in Go code and means nothing here; use tls=true, false, skip-verify or preferred",
            "root:pw@tcp(h)/db?loc=%zz                  | go-sql-driver DSN: invalid URL encoding in the value of 'loc'",
            "jdbc:mysql://(host=h,user=u,password=p)/db | JDBC URL: user and password inside the host part are not supported; use ?user=...&password=...",
    })
    void malformedMysqlStrings(String connectionString, String message) {
        assertThat(messageOf(MYSQL, connectionString)).isEqualTo(message);
    }

    @Test
    void mysqlUriSaysWhatToWriteInstead() {
        assertThat(messageOf(MYSQL, "mysql://root:pw@h:3306/db")).isEqualTo(
                "mysql:// URIs are not supported; write user:password@tcp(host:port)/dbname or jdbc:mysql://host:port/dbname");
    }

    @Test
    void unquotedPasswordWithASpaceIsExplainedWithoutQuotingIt() {
        assertThat(messageOf(POSTGRES, "user=u password=my secret dbname=d")).isEqualTo(
                "libpq DSN: missing '=' after the value of 'password' (quote values that contain spaces: key='a b')");
    }

    static Stream<Arguments> malformedWithPassword() {
        String pw = "Zq9!s3cr3t";
        return Stream.of(
                arguments(POSTGRES, "user=u password='" + pw, pw),
                arguments(POSTGRES, "user=u password=" + pw + " more dbname=d", "more"),
                arguments(POSTGRES, "user=u password=" + pw + " port=abc", pw),
                arguments(POSTGRES, "user=u password='" + pw + "' sslmode=bogus", pw),
                arguments(POSTGRES, "user=u password=" + pw + " host=/tmp", pw),
                arguments(POSTGRES, "postgres://u:" + pw + "@h:99999/db", pw),
                arguments(POSTGRES, "postgres://u:Zq9s3/cr3t@h/db", "Zq9s3"),
                arguments(POSTGRES, "postgres://u:Zq9s3?cr3t@h/db", "Zq9s3"),
                arguments(POSTGRES, "postgres://u:1234/Zq9s3@h/db", "Zq9s3"),
                arguments(POSTGRES, "postgres://u:" + pw + "%zz@h/db", pw),
                arguments(POSTGRES, "postgres://u:" + pw + "@[::1/db", pw),
                arguments(POSTGRES, "postgres://u:" + pw + "@h/db?TimeZone=Nowhere", pw),
                arguments(POSTGRES, "root:" + pw + "@tcp(h)/db", pw),
                arguments(POSTGRES, "jdbc:mysql://h/db?password=" + pw, pw),
                arguments(MYSQL, "root:" + pw + "@tcp(h:3306)", pw),
                arguments(MYSQL, "root:" + pw + "/db", pw),
                arguments(MYSQL, "root:" + pw + "@udp(h)/db", pw),
                arguments(MYSQL, "root:" + pw + "@unix(/s)/db", pw),
                arguments(MYSQL, "root:" + pw + "@tcp(h:0)/db", pw),
                arguments(MYSQL, "root:" + pw + "@tcp(h/db", pw),
                arguments(MYSQL, "root:" + pw + "@tcp(h)/db?loc=A/B", pw),
                arguments(MYSQL, "root:" + pw + "@tcp(h)/db?tls=x&timeout=1y", pw),
                arguments(MYSQL, "root:" + pw + "(tcp(h))/db", pw),
                arguments(MYSQL, "root:p@Zq9s/x@tcp(h)", "Zq9s"),
                arguments(MYSQL, "jdbc:mysql://u:" + pw + "/x@h/db", pw),
                arguments(MYSQL, "jdbc:mysql://u:" + pw + "@h/db?password=%zz", pw),
                arguments(MYSQL, "jdbc:mysql://(host=h,password=" + pw + ")/db", pw),
                arguments(MYSQL, "jdbc:mysql://u:" + pw + "%G0@h/db", pw),
                arguments(MYSQL, "host=h password=" + pw, pw));
    }

    @ParameterizedTest
    @MethodSource("malformedWithPassword")
    void errorMessagesNeverContainThePassword(ConnectorType type, String connectionString, String secret) {
        assertThat(messageOf(type, connectionString)).doesNotContain(secret);
    }

    @Test
    void errorsAreUncheckedIllegalArguments() {
        assertThatThrownBy(() -> ConnectionStrings.parse(MYSQL, "root:pw@tcp(h:x)/db", "school"))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOf(InvalidConnectionStringException.class);
    }
}
