package io.idra.connect;

import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default state store is an H2 file that {@code run} and every CLI command open. A command that runs while
 * {@code run} starts holds the file's lock for a moment; {@code run} must wait for it, not exit.
 */
class StateStoreLockTest {

    @Test
    void waitsForALockFileAnotherProcessIsStillTouching(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("state.lock.db");
        Files.writeString(lock, "#FileLock\nmethod=FILE\nid=another-process\n");
        Instant until = Instant.now().plusSeconds(4);
        Pools pools = new Pools(1);
        ServiceHelper.startService(pools);
        var touching = Executors.newSingleThreadExecutor();
        try {
            // what a short-lived command does to the lock file while it holds the database
            Future<?> toucher = touching.submit(() -> {
                while (Instant.now().isBefore(until)) {
                    Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                    Thread.sleep(100);
                }
                Files.delete(lock);
                return null;
            });
            DataSource state = pools.state("jdbc:h2:file:" + dir.resolve("state") + ";AUTO_SERVER=TRUE", "sa", "");
            try (Connection c = state.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(Instant.now()).isAfter(until.minusSeconds(1));
            toucher.get();
        } finally {
            touching.shutdownNow();
            ServiceHelper.stopService(pools);
        }
    }

    @Test
    void aStoreThatCannotBeOpenedFailsAtOnceNamingTheSetting(@TempDir Path dir) {
        Pools pools = new Pools(1);
        ServiceHelper.startService(pools);
        Instant start = Instant.now();
        try {
            assertThatThrownBy(() -> pools.state("jdbc:h2:file:" + dir.resolve("state") + ";NO_SUCH_SETTING=1", "sa", ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot open the state store (idra.state.url): ")
                    .hasMessageContaining("NO_SUCH_SETTING");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        } finally {
            ServiceHelper.stopService(pools);
        }
    }
}
