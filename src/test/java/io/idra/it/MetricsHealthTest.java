package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /metrics and /health scraped over HTTP from a running program: the counters match what was copied, a sync
 * whose destination table is missing is counted as failing, and /health is UP while it retries within the limit,
 * DOWN (503, naming it) past it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsHealthTest {

    private static final LocalDateTime TOMORROW = LocalDateTime.now().plusDays(1).withNano(0);

    private final HttpClient http = HttpClient.newHttpClient();
    private Databases dbs;
    private TestDatabase pg;
    private TestDatabase my;

    @BeforeAll
    void databases() {
        dbs = new Databases("metrics");
        pg = dbs.source(Direction.PG_TO_MYSQL);
        my = dbs.destination(Direction.PG_TO_MYSQL);
        SampleTable.create(pg, "m_items");
        SampleTable.insert(pg, "m_items", 1, 25, SampleTable.BASE);
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    private SyncJson good(String name, String table) {
        SampleTable.create(my, table);
        return SyncJson.sync(name, Mode.ID_FIELD, pg, my).tables("m_items", table).batch(10);
    }

    private SyncJson broken(String name) {
        return SyncJson.sync(name, Mode.ID_FIELD, pg, my).tables("m_items", "m_missing")
                .destinationAttribute("create_table", "false");
    }

    /**
     * A Timestamp sync that holds back rows younger than an hour: a row stamped tomorrow stays behind, and the lag
     * is the seconds from the last copied row to it.
     */
    private SyncJson delayed(String name) throws SQLException {
        SampleTable.create(pg, "m_ts");
        SampleTable.create(my, "m_ts");
        SampleTable.insert(pg, "m_ts", 1, 25, SampleTable.BASE);
        try (Connection c = pg.connect()) {
            SampleTable.insertOne(c, pg.quote("m_ts"), 26, TOMORROW);
        }
        return SyncJson.sync(name, Mode.TIMESTAMP, pg, my).table("m_ts").timestamp("ts")
                .sourceAttribute("timestamp_delay_seconds", "3600");
    }

    @Test
    void metricsCountWhatWasCopiedAndHealthToleratesARetryingSync(@TempDir Path dir) throws Exception {
        int port = RunningApp.freePort();
        try (RunningApp app = RunningApp.start(dir, settings(port, 600), Map.of(),
                good("m_good", "m_items"), broken("m_bad"), delayed("m_ts"))) {
            RunningApp.await("a scrape with the rows", () -> value(scrape(port),
                    "idra_rows_copied_total{sync=\"m_good\"}") == 25);
            RunningApp.await("the failure counted", () -> value(scrape(port),
                    "idra_tick_errors_total{sync=\"m_bad\"}") >= 1);
            String metrics = scrape(port);
            assertThat(value(metrics, "idra_rows_copied_total{sync=\"m_good\"}")).isEqualTo(my.count("m_items"));
            assertThat(value(metrics, "idra_batches_total{sync=\"m_good\"}")).as("10 + 10 + 5").isEqualTo(3);
            assertThat(value(metrics, "idra_rows_copied_total{sync=\"m_bad\"}")).isZero();
            assertThat(value(metrics, "idra_tick_errors_total{sync=\"m_good\"}")).isZero();
            assertThat(value(metrics, "idra_tick_duration_seconds_count{sync=\"m_good\"}")).isGreaterThanOrEqualTo(1);
            assertThat(metrics).contains("idra_tick_duration_seconds_bucket{sync=\"m_good\",le=\"0.5\"}");
            assertThat(value(metrics, "idra_lag{sync=\"m_good\",unit=\"rows\"}")).isZero();
            assertThat(value(metrics, "idra_null_cursor_rows{sync=\"m_good\"}")).isZero();
            assertThat(value(metrics, "idra_sync_up{sync=\"m_good\"}")).isEqualTo(1);
            assertThat(value(metrics, "idra_sync_up{sync=\"m_bad\"}")).isZero();
            // the last copied row is row 25, stamped BASE + 8.123456 s
            long behind = Duration.between(SampleTable.BASE.plusSeconds(8).plusNanos(123_456_000), TOMORROW).toSeconds();
            RunningApp.await("the timestamp lag", () -> value(scrape(port),
                    "idra_lag{sync=\"m_ts\",unit=\"seconds\"}") == behind);

            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(health.body()).startsWith("{\"status\":\"UP\",\"syncs\":3,\"failingLimitSeconds\":600,"
                    + "\"failing\":[],\"retrying\":[{\"sync\":\"m_bad\"");
            assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void healthIsDownWhenASyncFailsPastTheLimit(@TempDir Path dir) throws Exception {
        int port = RunningApp.freePort();
        try (RunningApp app = RunningApp.start(dir, settings(port, 0), Map.of(),
                good("d_good", "d_items"), broken("d_bad"))) {
            RunningApp.await("the failure", () -> app.app().catalog().all().stream()
                    .anyMatch(s -> s.sync().name().equals("d_bad") && s.status().lastError() != null));
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).startsWith("{\"status\":\"DOWN\",\"syncs\":2,\"failingLimitSeconds\":0,"
                    + "\"failing\":[{\"sync\":\"d_bad\",\"failingSince\":\"")
                    .contains("\"lastError\":\"sync 'd_bad': destination_connector.table: table 'm_missing' does not"
                            + " exist in ")
                    .doesNotContain("d_good");
        }
    }

    private static Map<String, String> settings(int port, int failingLimitSeconds) {
        return Map.of("idra.http.enabled", "true", "idra.http.port", String.valueOf(port),
                "idra.health.failing-limit-seconds", String.valueOf(failingLimitSeconds));
    }

    private String scrape(int port) {
        try {
            HttpResponse<String> response = get(port, "/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one series in the Prometheus text format, -1 when it is not there. */
    private static long value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }
}
