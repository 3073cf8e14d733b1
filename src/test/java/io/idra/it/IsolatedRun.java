package io.idra.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the jar with its inputs kept apart from what it writes: the sync files go to {@code in/}, the program
 * runs in {@code work/} (its state store, its temporary files), so everything under {@code work/} was written by it.
 */
record IsolatedRun(Jar.Result result, Path work, Duration took) {

    static IsolatedRun of(BadInputFixture fixture, BadInput input, Path dir) {
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            Path work = Files.createDirectories(dir.resolve("work"));
            BadInput.Invocation invocation = input.input().write(fixture, in, input.id());
            return start(work, invocation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IsolatedRun start(Path work, BadInput.Invocation invocation) throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<String> jvm = new ArrayList<>(invocation.jvmOptions());
        jvm.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        long start = System.nanoTime();
        Jar.Result result = Jar.run(work, jvm, invocation.args().toArray(String[]::new));
        return new IsolatedRun(result, work, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Offsets in the default H2 state store under work/data; 0 when the run never created it. */
    long storedOffsets() {
        Path store = work.resolve("data").resolve("idra-state");
        if (!Files.exists(store.resolveSibling("idra-state.mv.db"))) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + store.toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, "IDRA_OFFSET", null)) {
                if (!tables.next()) {
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM idra_offset")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state store of " + work, e);
        }
    }
}
