package io.idra.connect;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import com.mysql.cj.conf.PropertyKey;
import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The URLs and property names produced are the ones the shipped drivers understand. */
class DriverCompatibilityTest {

    @Test
    void everyPostgresPropertyIsKnownToPgjdbc() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.POSTGRES, "user=u sslmode=require connect_timeout=5"
                + " application_name=a search_path=s options=x sslrootcert=r sslcert=c sslkey=k", "");

        assertThat(target.properties().keySet()).allSatisfy(name -> assertThat(PGProperty.forName(name)).isNotNull());
    }

    @Test
    void everyMysqlPropertyIsKnownToConnectorJ() {
        List<String> dsns = List.of(
                "root:pw@tcp(h)/d?charset=utf8&collation=utf8mb4_bin&tls=true&timeout=1s&readTimeout=2s",
                "root:pw@tcp(h)/d?time_zone=%27UTC%27");
        for (String dsn : dsns) {
            JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL, dsn, "");
            assertThat(target.properties().keySet())
                    .allSatisfy(name -> assertThat(PropertyKey.fromValue(name)).as(name).isNotNull());
        }
    }

    @Test
    void pgjdbcReadsTheUrlAsMeant() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.POSTGRES,
                "host=h1,::1 port=5432,5433 dbname='my db+x' user=u", "");

        Properties parsed = Driver.parseURL(target.jdbcUrl(), null);

        assertThat(parsed).isNotNull();
        assertThat(parsed.getProperty("PGHOST")).isEqualTo("h1,[::1]");
        assertThat(parsed.getProperty("PGPORT")).isEqualTo("5432,5433");
        assertThat(parsed.getProperty("PGDBNAME")).isEqualTo("my db+x");
    }

    @Test
    void connectorJReadsTheUrlAsMeant() {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL, "root:pw@tcp([::1]:3307)/my%20db+x", "");

        HostInfo host = ConnectionUrl.getConnectionUrlInstance(target.jdbcUrl(), new Properties()).getMainHost();

        assertThat(host.getHost()).isEqualTo("[::1]");
        assertThat(host.getPort()).isEqualTo(3307);
        assertThat(host.getDatabase()).isEqualTo("my db+x");
        assertThat(host.getUser()).isNull();
    }

    @Test
    void userInfoIsDecodedAsConnectorJDecodesIt() {
        String url = "jdbc:mysql://u%40x:p%2Bq+r@h:3306/db";
        HostInfo driver = ConnectionUrl.getConnectionUrlInstance(url, new Properties()).getMainHost();

        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL, url, "");

        assertThat(target.user()).isEqualTo(driver.getUser());
        assertThat(target.password()).isEqualTo(driver.getPassword());
    }
}
