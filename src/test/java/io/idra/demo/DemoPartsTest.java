package io.idra.demo;

import io.idra.demo.SchoolDatabase.Child;
import io.idra.model.ConnectorType;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's pieces that need no database: connection strings pointed at a server, and the final comparison. */
class DemoPartsTest {

    private static final String SEED_PG = "host=localhost user=postgres password=postgres dbname=school port=5432"
            + " sslmode=disable TimeZone=Europe/Rome";
    private static final String SEED_MY = "root:cacata12@tcp(127.0.0.1:3306)/school?charset=utf8mb4&parseTime=True"
            + "&loc=Local";

    @Test
    void libpqStringKeepsTheSeedsOtherParametersAndDropsAnEmptyPassword() {
        DemoServer embedded = new DemoServer(ConnectorType.POSTGRES, "127.0.0.1", 41234, "postgres", "", true,
                "school", "embedded");
        assertThat(embedded.idraConnectionString(SEED_PG))
                .isEqualTo("host=127.0.0.1 user=postgres dbname=school port=41234 sslmode=disable TimeZone=Europe/Rome");
    }

    @Test
    void libpqStringQuotesAPasswordWithSpacesAndQuotes() {
        DemoServer local = new DemoServer(ConnectorType.POSTGRES, "db.example", 5433, "me", "it's a secret", false,
                "idra_demo_school", "local");
        assertThat(local.idraConnectionString(SEED_PG)).isEqualTo("host=db.example user=me"
                + " password='it\\'s a secret' dbname=idra_demo_school port=5433 sslmode=disable TimeZone=Europe/Rome");
    }

    @Test
    void goDsnKeepsTheSeedsParameters() {
        DemoServer embedded = new DemoServer(ConnectorType.MYSQL, "127.0.0.1", 39887, "root", "", true, "school",
                "embedded");
        assertThat(embedded.idraConnectionString(SEED_MY))
                .isEqualTo("root:@tcp(127.0.0.1:39887)/school?charset=utf8mb4&parseTime=True&loc=Local");
        DemoServer ipv6 = new DemoServer(ConnectorType.MYSQL, "::1", 3306, "root", "pw", false, "idra_demo_school",
                "local");
        assertThat(ipv6.idraConnectionString(SEED_MY))
                .isEqualTo("root:pw@tcp([::1]:3306)/idra_demo_school?charset=utf8mb4&parseTime=True&loc=Local");
    }

    @Test
    void equalRowsMatch() {
        LocalDateTime ts = LocalDateTime.parse("2026-11-25T21:01:03.000100");
        List<Child> rows = List.of(new Child(1, "Niccolò", 4, ts), new Child(2, "Zoë", null, null));
        RowComparison comparison = RowComparison.of(rows, List.copyOf(rows));
        assertThat(comparison.matches()).isTrue();
        assertThat(comparison.report()).containsExactly("source and destination match: 2 rows");
    }

    @Test
    void differencesAreNamedByKind() {
        LocalDateTime ts = LocalDateTime.parse("2026-11-25T21:01:03");
        List<Child> source = List.of(new Child(1, "Giulia", 4, ts), new Child(2, "Sofia", 5, ts.plusSeconds(1)),
                new Child(3, "Emma", 6, ts));
        List<Child> destination = List.of(new Child(1, "Giulia", 4, ts), new Child(2, "Sofia", 4, ts),
                new Child(9, "Noemi", 7, ts));
        RowComparison comparison = RowComparison.of(source, destination);
        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.report()).containsExactly(
                "source and destination differ: source 3 rows, destination 3 rows",
                "  1 rows missing at the destination, ids 3",
                "  1 rows at the destination that the source does not have, ids 9",
                "  1 rows with different values:",
                "    id 2: source [2, Sofia, 5, 2026-11-25T21:01:04.000000],"
                        + " destination [2, Sofia, 4, 2026-11-25T21:01:03.000000]");
    }
}
