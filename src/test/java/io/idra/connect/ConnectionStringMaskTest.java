package io.idra.connect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionStringMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "host=localhost user=postgres password=postgres dbname=school|host=localhost user=postgres password=******** dbname=school",
        "host=h password='a b\\'c' dbname=d|host=h password=******** dbname=d",
        "host=h password = s3cret|host=h password = ********",
        "root:cacata12@tcp(127.0.0.1:3306)/school?charset=utf8mb4|root:********@tcp(127.0.0.1:3306)/school?charset=utf8mb4",
        "root:p@ss:w/rd@tcp(h:3306)/db|root:********@tcp(h:3306)/db",
        "root:@tcp(h:3306)/db|root:********@tcp(h:3306)/db",
        "root@tcp(h:3306)/db|root@tcp(h:3306)/db",
        "postgres://u:p%40ss@host:5432/db?sslmode=disable|postgres://u:********@host:5432/db?sslmode=disable",
        "jdbc:postgresql://h:5432/db?user=u&password=secret&ssl=true|jdbc:postgresql://h:5432/db?user=u&password=********&ssl=true",
        "jdbc:mysql://u:secret@h:3306/db|jdbc:mysql://u:********@h:3306/db",
        "jdbc:mysql://h/db?sslpassword=x&trustCertificateKeyStorePassword=y|jdbc:mysql://h/db?sslpassword=********&trustCertificateKeyStorePassword=********",
        "host=h dbname=d|host=h dbname=d",
    })
    void masksThePasswordInEveryForm(String connectionString, String shown) {
        assertThat(ConnectionStringMask.mask(connectionString)).isEqualTo(shown);
    }
}
