package io.idra.it;

import io.idra.app.IdraApplication;
import io.idra.app.OnceRun;
import io.idra.app.SyncLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs sync records the way {@code run --once} does (files → loader → Camel Main → one tick each), in this JVM,
 * with a state store of the test's own so that runs of one test share offsets and tests never share them.
 */
public final class SyncRunner {

    private final Path dir;
    private final Map<String, String> settings;

    public SyncRunner(Path dir) {
        this(dir, Map.of());
    }

    /** @param settings program settings for the runs besides the state store's, e.g. {@code idra.write.bulk} */
    public SyncRunner(Path dir, Map<String, String> settings) {
        this.dir = dir;
        this.settings = Map.copyOf(settings);
    }

    private Map<String, String> overrides() {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("idra.state.url", stateUrl());
        return all;
    }

    public String stateUrl() {
        return "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    /** One tick of each sync; fails the test when the records do not load. */
    public OnceRun once(SyncJson... syncs) {
        try {
            List<Path> files = new ArrayList<>();
            for (SyncJson sync : syncs) {
                Path file = dir.resolve(sync.name() + ".json");
                Files.writeString(file, sync.toString());
                files.add(file);
            }
            SyncLoader.Loaded loaded = SyncLoader.load(files);
            assertThat(loaded.errors()).as("load errors").isEmpty();
            return new IdraApplication(loaded, overrides())
                    .runOnce(5, TimeUnit.MINUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One tick of the syncs of a record file, which must load and succeed; returns the rows the sync copied. */
    public long onceOkFile(Path file, String syncName) {
        try {
            SyncLoader.Loaded loaded = SyncLoader.load(List.of(file));
            assertThat(loaded.errors()).as("load errors").isEmpty();
            OnceRun run = new IdraApplication(loaded, overrides())
                    .runOnce(5, TimeUnit.MINUTES);
            assertThat(run.error(syncName)).as("error of sync " + syncName).isNull();
            return run.rows(syncName);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One tick that must succeed; returns the rows it copied. */
    public long onceOk(SyncJson sync) {
        OnceRun run = once(sync);
        assertThat(run.error(sync.name())).as("error of sync " + sync.name()).isNull();
        return run.rows(sync.name());
    }
}
