package io.idra.ops;

import io.idra.model.SyncReader;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure is reported once when it starts, however many retries fail after it, and again after a success. */
class SyncStatusTest {

    private static final String RECORD = """
            {"id": "aaaaaaaa-2222-3333-4444-666666666666", "sync_name": "s", "mode": "IdField",
             "source_connector": {"connector_name": "src", "connector_source_type": "PostgresGORM",
                "connection_string": "host=db dbname=x", "table": "t"},
             "destination_connector": {"connector_name": "dst", "connector_source_type": "MysqlGORM",
                "connection_string": "u@tcp(db:3306)/x", "table": "t"}}
            """;

    private final SyncStatus status = new SyncStatus(SyncReader.read(RECORD, "s.json").syncs().get(0));
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    private boolean failedTick(String error) {
        now = now.plusSeconds(2);
        status.tickStarted(now);
        return status.tickFailed(now, 0, error);
    }

    @Test
    void retriesThatFailWithOtherErrorsAreNotNewFailures() {
        assertThat(failedTick("writing a batch: connection lost")).isTrue();
        Instant since = status.failingSince();
        assertThat(failedTick("cannot connect: Connection refused")).isFalse();
        assertThat(failedTick("cannot connect: Connection refused")).isFalse();
        assertThat(status.failingSince()).isEqualTo(since);
        assertThat(status.lastError()).isEqualTo("cannot connect: Connection refused");

        status.tickStarted(now);
        status.tickSucceeded(now, 3, "42");
        assertThat(status.failingSince()).isNull();
        assertThat(failedTick("writing a batch: connection lost")).isTrue();
    }
}
