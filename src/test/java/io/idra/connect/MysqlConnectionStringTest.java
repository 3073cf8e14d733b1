package io.idra.connect;

import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** go-sql-driver/mysql DSNs. */
class MysqlConnectionStringTest {

    private static JdbcTarget parse(String dsn) {
        return parse(dsn, "");
    }

    private static JdbcTarget parse(String dsn, String database) {
        return ConnectionStrings.parse(ConnectorType.MYSQL, dsn, database);
    }

    @Test
    void seedConnectionString() {
        JdbcTarget target = parse("root:cacata12@tcp(127.0.0.1:3306)/school?charset=utf8mb4&parseTime=True&loc=Local",
                "school");

        assertThat(target.type()).isEqualTo(ConnectorType.MYSQL);
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/school");
        assertThat(target.user()).isEqualTo("root");
        assertThat(target.password()).isEqualTo("cacata12");
        assertThat(target.properties())
                .containsExactly(entry("characterEncoding", "UTF-8"), entry("connectionTimeZone", "LOCAL"));
        assertThat(target.timeZone()).isNull();
        assertThat(target.ignoredKeys()).isEmpty();
    }

    @Test
    void passwordMayHoldAtColonSlashQuestionAmpersandEqualsAndSpace() {
        JdbcTarget target = parse("root:p@s:s/w?o&r=d x@tcp(db:3306)/school?charset=utf8");

        assertThat(target.user()).isEqualTo("root");
        assertThat(target.password()).isEqualTo("p@s:s/w?o&r=d x");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/school");
    }

    @Test
    void passwordIsTakenLiterallyNotUrlDecoded() {
        assertThat(parse("root:p%40ss@tcp(h)/db").password()).isEqualTo("p%40ss");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "root@tcp(h)/db     | root | null",
            "root:@tcp(h)/db    | root | null",
            "tcp(h)/db          | null | null",
            "@tcp(h)/db         | null | null",
            ":pw@tcp(h)/db      | null | pw",
    })
    void userAndPasswordMayBeMissingOrEmpty(String dsn, String user, String password) {
        JdbcTarget target = parse(dsn);

        assertThat(target.user()).isEqualTo(user);
        assertThat(target.password()).isEqualTo(password);
        assertThat(target.hasPassword()).isEqualTo(password != null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "root:pw@tcp(db.example.com)/d | jdbc:mysql://db.example.com:3306/d",
            "root:pw@tcp(:3307)/d          | jdbc:mysql://127.0.0.1:3307/d",
            "root:pw@tcp()/d               | jdbc:mysql://127.0.0.1:3306/d",
            "root:pw@tcp/d                 | jdbc:mysql://127.0.0.1:3306/d",
            "root:pw@/d                    | jdbc:mysql://127.0.0.1:3306/d",
            "/d                            | jdbc:mysql://127.0.0.1:3306/d",
            "tcp([::1]:3306)/d             | jdbc:mysql://[::1]:3306/d",
            "tcp([::1])/d                  | jdbc:mysql://[::1]:3306/d",
            "tcp(::1)/d                    | jdbc:mysql://[::1]:3306/d",
            "tcp(my-db.local:3400)/d        | jdbc:mysql://my-db.local:3400/d",
            "tcp4(10.0.0.5:3306)/d          | jdbc:mysql://10.0.0.5:3306/d",
            "tcp6([2001:db8::5]:3306)/d     | jdbc:mysql://[2001:db8::5]:3306/d",
    })
    void addresses(String dsn, String url) {
        assertThat(parse(dsn).jdbcUrl()).isEqualTo(url);
    }

    @Test
    void databaseArgumentIsUsedWhenTheDsnNamesNone() {
        assertThat(parse("root:pw@tcp(h:3306)/", "school").jdbcUrl()).isEqualTo("jdbc:mysql://h:3306/school");
        assertThat(parse("root:pw@tcp(h:3306)/?charset=utf8", "school").jdbcUrl())
                .isEqualTo("jdbc:mysql://h:3306/school");
        assertThat(parse("root:pw@tcp(h:3306)/shop", "school").jdbcUrl()).isEqualTo("jdbc:mysql://h:3306/shop");
    }

    @Test
    void noDatabaseAnywhereGivesAUrlWithoutOne() {
        assertThat(parse("root:pw@tcp(h:3306)/").jdbcUrl()).isEqualTo("jdbc:mysql://h:3306");
    }

    @Test
    void databaseNameIsPathDecodedThenEncodedForTheUrl() {
        assertThat(parse("root:pw@tcp(h)/my%20db").jdbcUrl()).isEqualTo("jdbc:mysql://h:3306/my%20db");
        assertThat(parse("root:pw@tcp(h)/a+b").jdbcUrl()).isEqualTo("jdbc:mysql://h:3306/a%2Bb");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "charset=utf8                      | characterEncoding    | UTF-8",
            "charset=utf8mb4,utf8              | characterEncoding    | UTF-8",
            "charset=UTF8MB3                   | characterEncoding    | UTF-8",
            "charset=latin1                    | characterEncoding    | latin1",
            "collation=utf8mb4_unicode_ci      | connectionCollation  | utf8mb4_unicode_ci",
            "tls=true                          | sslMode              | VERIFY_IDENTITY",
            "tls=1                             | sslMode              | VERIFY_IDENTITY",
            "tls=skip-verify                   | sslMode              | REQUIRED",
            "tls=preferred                     | sslMode              | PREFERRED",
            "tls=false                         | sslMode              | DISABLED",
            "timeout=5s                        | connectTimeout       | 5000",
            "timeout=1m30s                     | connectTimeout       | 90000",
            "readTimeout=500ms                 | socketTimeout        | 500",
            "writeTimeout=2s                   | socketTimeout        | 2000",
            "readTimeout=1m&writeTimeout=30s   | socketTimeout        | 60000",
            "readTimeout=10s&writeTimeout=1h   | socketTimeout        | 3600000",
            "loc=Local                         | connectionTimeZone   | LOCAL",
            "loc=UTC                           | connectionTimeZone   | UTC",
    })
    void parametersBecomeConnectorJProperties(String params, String property, String value) {
        JdbcTarget target = parse("root:pw@tcp(h)/d?" + params);

        assertThat(target.properties()).containsExactly(entry(property, value));
        // go-sql-driver reads times in UTC unless loc says otherwise; loc=Local is the JVM's zone (null)
        assertThat(target.timeZone()).isEqualTo(params.equals("loc=Local") ? null : "UTC");
        assertThat(target.ignoredKeys()).isEmpty();
    }

    @Test
    void parseTimeIsAcceptedWithoutEffect() {
        JdbcTarget target = parse("root:pw@tcp(h)/d?parseTime=true");

        assertThat(target.properties()).isEmpty();
        assertThat(target.ignoredKeys()).isEmpty();
    }

    @Test
    void ianaLocIsTheSessionTimeZone() {
        JdbcTarget target = parse("root:pw@tcp(h)/d?loc=Europe%2FRome");

        assertThat(target.properties()).containsExactly(entry("connectionTimeZone", "Europe/Rome"));
        assertThat(target.timeZone()).isEqualTo("Europe/Rome");
    }

    @Test
    void timeZoneParameterSetsTheServerSession() {
        JdbcTarget target = parse("root:pw@tcp(h)/d?time_zone=%27%2B00%3A00%27");

        assertThat(target.properties()).containsExactly(
                entry("connectionTimeZone", "+00:00"), entry("forceConnectionTimeZoneToSession", "true"));
        assertThat(target.timeZone()).isEqualTo("+00:00");
    }

    @Test
    void timeZoneParameterWinsOverLoc() {
        JdbcTarget target = parse("root:pw@tcp(h)/d?loc=Local&time_zone=%27Europe%2FRome%27");

        assertThat(target.properties()).containsEntry("connectionTimeZone", "Europe/Rome");
        assertThat(target.timeZone()).isEqualTo("Europe/Rome");
        assertThat(target.ignoredKeys()).containsExactly("loc");
    }

    @Test
    void systemTimeZoneMeansTheServersZone() {
        JdbcTarget target = parse("root:pw@tcp(h)/d?time_zone=%27SYSTEM%27");

        assertThat(target.properties()).containsExactly(entry("connectionTimeZone", "SERVER"));
        assertThat(target.timeZone()).isNull();
    }

    @Test
    void parametersWithoutEffectAreListedAsIgnored() {
        JdbcTarget target = parse("root:pw@tcp(h)/d?allowNativePasswords=true&allowCleartextPasswords=1"
                + "&multiStatements=true&interpolateParams=true&maxAllowedPacket=0&columnsWithAlias=true"
                + "&clientFoundRows=true&rejectReadOnly=true&sql_mode=%27ANSI%27&bare");

        assertThat(target.ignoredKeys()).containsExactly("allowNativePasswords", "allowCleartextPasswords",
                "multiStatements", "interpolateParams", "maxAllowedPacket", "columnsWithAlias", "clientFoundRows",
                "rejectReadOnly", "sql_mode", "bare");
        assertThat(target.properties()).isEmpty();
    }

    @Test
    void parameterKeysAreCaseSensitiveAsInGo() {
        assertThat(parse("root:pw@tcp(h)/d?Charset=utf8").ignoredKeys()).containsExactly("Charset");
    }
}
