package io.idra.connect;

import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PostgresConnectionStringTest {

    private static JdbcTarget parse(String connectionString) {
        return parse(connectionString, "");
    }

    private static JdbcTarget parse(String connectionString, String database) {
        return ConnectionStrings.parse(ConnectorType.POSTGRES, connectionString, database);
    }

    @Test
    void seedConnectionString() {
        JdbcTarget target = parse(
                "host=localhost user=postgres password=postgres dbname=school port=5432 sslmode=disable TimeZone=Europe/Rome");

        assertThat(target.type()).isEqualTo(ConnectorType.POSTGRES);
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/school");
        assertThat(target.user()).isEqualTo("postgres");
        assertThat(target.password()).isEqualTo("postgres");
        assertThat(target.properties()).containsExactly(entry("sslmode", "disable"));
        assertThat(target.timeZone()).isEqualTo("Europe/Rome");
        assertThat(target.ignoredKeys()).isEmpty();
    }

    @Test
    void quotedValuesKeepSpacesAndEscapes() {
        JdbcTarget target = parse("host=db.example.com user='app user' password='it\\'s a \\\\ secret' dbname='my db'");

        assertThat(target.user()).isEqualTo("app user");
        assertThat(target.password()).isEqualTo("it's a \\ secret");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/my%20db");
    }

    @Test
    void passwordWithUrlAndDsnSpecialCharacters() {
        JdbcTarget target = parse("user=u password='p@ss:w/rd?a&b=c d' dbname=x");

        assertThat(target.password()).isEqualTo("p@ss:w/rd?a&b=c d");
    }

    @Test
    void backslashEscapesOutsideQuotes() {
        assertThat(parse("user=u password=a\\ b\\'c").password()).isEqualTo("a b'c");
    }

    @Test
    void spacesAroundEqualsAreAllowed() {
        JdbcTarget target = parse("  host = h   port= 6543\tdbname =x user\n=\nu ");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/x");
        assertThat(target.user()).isEqualTo("u");
    }

    @Test
    void emptyQuotedPasswordMeansNone() {
        JdbcTarget target = parse("user=u password='' dbname=d");

        assertThat(target.password()).isNull();
        assertThat(target.hasPassword()).isFalse();
    }

    @Test
    void emptyUnquotedValueAtTheEnd() {
        assertThat(parse("user=u password=").password()).isNull();
    }

    @Test
    void databaseDefaultsToTheUserAndHostToLocalhost() {
        JdbcTarget target = parse("user=bob");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/bob");
    }

    @Test
    void missingUserLeavesDatabaseToTheDriver() {
        JdbcTarget target = parse("host=h");

        assertThat(target.user()).isNull();
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/");
    }

    @Test
    void repeatedKeyKeepsTheLastValue() {
        assertThat(parse("user=a user=b").user()).isEqualTo("b");
    }

    @Test
    void pgxDatabaseKeyIsDbname() {
        assertThat(parse("user=u database=shop").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "host=h1,h2 port=5432,5433 dbname=d | jdbc:postgresql://h1:5432,h2:5433/d",
            "host=h1,h2 port=6000 dbname=d       | jdbc:postgresql://h1:6000,h2:6000/d",
            "host=h1,,h3 port=1,,3 dbname=d      | jdbc:postgresql://h1:1,localhost:5432,h3:3/d",
            "host=::1 dbname=d                   | jdbc:postgresql://[::1]:5432/d",
            "host=fe80::1,10.0.0.1 dbname=d      | jdbc:postgresql://[fe80::1]:5432,10.0.0.1:5432/d",
    })
    void hostAndPortLists(String dsn, String url) {
        assertThat(parse(dsn).jdbcUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
    void everySslModeGoesToPgjdbc(String mode) {
        assertThat(parse("user=u sslmode=" + mode).properties()).containsExactly(entry("sslmode", mode));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "connect_timeout=10               | connectTimeout  | 10",
            "connect_timeout=1                | connectTimeout  | 2",
            "connect_timeout=-5               | connectTimeout  | 0",
            "application_name=idra            | ApplicationName | idra",
            "search_path=sales                | currentSchema   | sales",
            "'options=''-c statement_timeout=5000''' | options   | -c statement_timeout=5000",
            "sslrootcert=/etc/ca.pem          | sslrootcert     | /etc/ca.pem",
            "sslcert=/etc/client.pem          | sslcert         | /etc/client.pem",
            "sslkey=/etc/client.key           | sslkey          | /etc/client.key",
    })
    void libpqKeysBecomePgjdbcProperties(String setting, String property, String value) {
        assertThat(parse("user=u " + setting).properties()).containsExactly(entry(property, value));
    }

    @Test
    void propertiesKeepTheOrderOfTheString() {
        JdbcTarget target = parse("user=u application_name=a sslmode=require connect_timeout=5");

        assertThat(target.properties().keySet()).containsExactly("ApplicationName", "sslmode", "connectTimeout");
    }

    @Test
    void timeZoneKeyAndValueIgnoreCase() {
        assertThat(parse("user=u timezone=europe/rome").timeZone()).isEqualTo("Europe/Rome");
        assertThat(parse("user=u TIMEZONE=UTC").timeZone()).isEqualTo("UTC");
    }

    @Test
    void unknownKeysAreListedNotRejected() {
        JdbcTarget target = parse("user=u target_session_attrs=any hostaddr=10.0.0.1 foo=bar");

        assertThat(target.ignoredKeys()).containsExactly("target_session_attrs", "hostaddr", "foo");
        assertThat(target.properties()).isEmpty();
    }

    @Test
    void databaseArgumentIsTheSchema() {
        assertThat(parse("user=u dbname=d", "sales").properties()).containsExactly(entry("currentSchema", "sales"));
    }

    @Test
    void searchPathInTheStringWinsOverTheDatabaseArgument() {
        assertThat(parse("user=u search_path=hr", "sales").properties()).containsExactly(entry("currentSchema", "hr"));
        assertThat(parse("user=u options='-c search_path=hr'", "sales").properties())
                .containsExactly(entry("options", "-c search_path=hr"));
    }

    @Test
    void uriWithPercentEncodingAndParameters() {
        JdbcTarget target = parse("postgres://user:p%40ss@host:5432/db?sslmode=disable&TimeZone=UTC");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
        assertThat(target.user()).isEqualTo("user");
        assertThat(target.password()).isEqualTo("p@ss");
        assertThat(target.properties()).containsExactly(entry("sslmode", "disable"));
        assertThat(target.timeZone()).isEqualTo("UTC");
    }

    @Test
    void uriPasswordWithEveryEncodedSpecialCharacter() {
        JdbcTarget target = parse("postgresql://u:a%3Ab%2Fc%3Fd%26e%3Df%20g%40h+i%C3%A9@h/db");

        assertThat(target.password()).isEqualTo("a:b/c?d&e=f g@h+i\u00e9"); // '+' is literal in libpq URIs
    }

    @Test
    void uriPasswordWithAnUnencodedAt() {
        assertThat(parse("postgres://u:p@ss@h/db").password()).isEqualTo("p@ss");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://                           | jdbc:postgresql://localhost:5432/",
            "postgresql://u@h1:1,h2/db               | jdbc:postgresql://h1:1,h2:5432/db",
            "postgresql://[::1]:6000/db              | jdbc:postgresql://[::1]:6000/db",
            "postgresql:///db?host=h&port=7000       | jdbc:postgresql://h:7000/db",
            "POSTGRES://h/my%20db                    | jdbc:postgresql://h:5432/my%20db",
    })
    void uriForms(String uri, String url) {
        assertThat(parse(uri).jdbcUrl()).isEqualTo(url);
    }

    @Test
    void uriQueryMayCarryUserAndPassword() {
        JdbcTarget target = parse("postgres://h/db?user=u&password=s%26cret&application_name=x");

        assertThat(target.user()).isEqualTo("u");
        assertThat(target.password()).isEqualTo("s&cret");
        assertThat(target.properties()).isEqualTo(Map.of("ApplicationName", "x"));
    }

    @Test
    void uriWithoutUserUsesNone() {
        JdbcTarget target = parse("postgres://h:5433/db", "s");

        assertThat(target.user()).isNull();
        assertThat(target.password()).isNull();
        assertThat(target.properties()).containsExactly(entry("currentSchema", "s"));
    }
}
