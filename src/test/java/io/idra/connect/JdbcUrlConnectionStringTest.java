package io.idra.connect;

import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class JdbcUrlConnectionStringTest {

    @Test
    void postgresUserAndPasswordParametersMoveToTheFields() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.POSTGRES,
                "jdbc:postgresql://h:5432/db?user=u&password=s3cret&ssl=true&ApplicationName=idra", "");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?ssl=true&ApplicationName=idra");
        assertThat(target.user()).isEqualTo("u");
        assertThat(target.password()).isEqualTo("s3cret");
        assertThat(target.properties()).isEmpty();
        assertThat(target.ignoredKeys()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POSTGRES | jdbc:postgresql://h/db?sslpassword=k%2By+1&ssl=true                 | sslpassword",
            "MYSQL    | jdbc:mysql://h/db?trustCertificateKeyStorePassword=k%2By+1&useSSL=true | trustCertificateKeyStorePassword",
            "MYSQL    | jdbc:mysql://h/db?clientCertificateKeyStorePassword=k%2By+1&useSSL=true | clientCertificateKeyStorePassword",
            "MYSQL    | jdbc:mysql://h/db?PASSWORD2=k%2By+1&useSSL=true                       | PASSWORD2",
    })
    void otherPasswordParametersMoveToThePropertiesDecoded(ConnectorType type, String url, String key) {
        JdbcTarget target = ConnectionStrings.parse(type, url, "");

        assertThat(target.jdbcUrl()).doesNotContain("k%2By").doesNotContain(key).endsWith("/db?" + url.split("&")[1]);
        assertThat(target.properties()).containsExactly(entry(key, "k+y 1"));
        assertThat(target.poolKey()).doesNotContain("k+y 1").contains(key + "=");
    }

    @Test
    void parameterValuesAreDecodedAsTheDriversDo() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.POSTGRES,
                "jdbc:postgresql://h/db?password=a+b%26c%3Dd&user=me%40corp", "");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(target.password()).isEqualTo("a b&c=d");
        assertThat(target.user()).isEqualTo("me@corp");
    }

    @Test
    void mysqlUserInfoMovesToTheFields() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL,
                "jdbc:mysql://u:p%40ss%2Fw@h:3306/db?useSSL=false", "");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://h:3306/db?useSSL=false");
        assertThat(target.user()).isEqualTo("u");
        assertThat(target.password()).isEqualTo("p@ss/w");
    }

    @Test
    void userInfoWinsOverParametersAsInConnectorJ() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL,
                "jdbc:mysql://u:pw@h/db?user=other&password=other", "");

        assertThat(target.user()).isEqualTo("u");
        assertThat(target.password()).isEqualTo("pw");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://h/db");
    }

    @Test
    void atSignInAParameterValueIsNotUserInfo() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL, "jdbc:mysql://h?user=a@b.c&password=x", "");

        assertThat(target.user()).isEqualTo("a@b.c");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:mysql://h");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mariadb://h:3306/db?user=u&password=p       | jdbc:mysql://h:3306/db",
            "JDBC:MariaDB://h/db?useSSL=true                  | jdbc:mysql://h/db?useSSL=true",
            "jdbc:mariadb:loadbalance://h1,h2/db              | jdbc:mysql:loadbalance://h1,h2/db",
    })
    void mariadbUrlsAreServedByConnectorJ(String url, String expected) {
        assertThat(ConnectionStrings.parse(ConnectorType.MYSQL, url, "").jdbcUrl()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://h:3306                 | jdbc:mysql://h:3306/school",
            "jdbc:mysql://h:3306/                | jdbc:mysql://h:3306/school",
            "jdbc:mysql://h:3306/?useSSL=false   | jdbc:mysql://h:3306/school?useSSL=false",
            "jdbc:mysql://h:3306/shop            | jdbc:mysql://h:3306/shop",
    })
    void mysqlDatabaseArgumentFillsAnEmptyPath(String url, String expected) {
        assertThat(ConnectionStrings.parse(ConnectorType.MYSQL, url, "school").jdbcUrl()).isEqualTo(expected);
    }

    @Test
    void postgresDatabaseArgumentIsTheSchemaUnlessTheUrlSetsOne() {
        assertThat(ConnectionStrings.parse(ConnectorType.POSTGRES, "jdbc:postgresql://h/db", "sales").properties())
                .containsExactly(entry("currentSchema", "sales"));
        assertThat(ConnectionStrings.parse(ConnectorType.POSTGRES, "jdbc:postgresql://h/db?currentSchema=hr", "sales")
                .properties()).isEmpty();
    }

    @Test
    void postgresUserInfoIsTakenOutToo() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.POSTGRES, "jdbc:postgresql://u:pw@h:5432/db", "");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(target.password()).isEqualTo("pw");
    }

    @Test
    void urlWithoutCredentialsIsUnchanged() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.POSTGRES, "jdbc:postgresql:school", "");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql:school");
        assertThat(target.user()).isNull();
        assertThat(target.hasPassword()).isFalse();
    }
}
