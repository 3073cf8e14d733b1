package io.idra.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.app.IdraApplication;
import io.idra.app.SyncLoader;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program as {@code run} without {@code --once} runs it, in this JVM on a thread of its own, until close():
 * for tests that watch a running program (JMX, HTTP). Each record can be edited as JSON before it is written.
 */
final class RunningApp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdraApplication app;
    private final Thread runner;

    private RunningApp(IdraApplication app) {
        this.app = app;
        this.runner = new Thread(() -> {
            try {
                app.runForever();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "idra-test-app");
    }

    /**
     * @param settings settings beside the test's own state store
     * @param edits    per sync name, changes to its JSON record (polling_time, disabled...)
     */
    static RunningApp start(Path dir, Map<String, String> settings, Map<String, Consumer<ObjectNode>> edits,
                            SyncJson... syncs) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (SyncJson sync : syncs) {
            ObjectNode record = (ObjectNode) JSON.readTree(sync.toString());
            edits.getOrDefault(sync.name(), r -> { }).accept(record);
            Path file = dir.resolve(sync.name() + ".json");
            Files.writeString(file, record.toPrettyString());
            files.add(file);
        }
        SyncLoader.Loaded loaded = SyncLoader.load(files);
        assertThat(loaded.errors()).as("load errors").isEmpty();
        Map<String, String> all = new HashMap<>(settings);
        all.put("idra.state.url", new SyncRunner(dir).stateUrl());
        RunningApp running = new RunningApp(new IdraApplication(loaded, all));
        running.runner.start();
        await("Camel started", () -> running.app.camelContext() != null && running.app.camelContext().isStarted());
        return running;
    }

    IdraApplication app() {
        return app;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 30 s for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        app.stop();
        runner.join(30_000);
    }
}
