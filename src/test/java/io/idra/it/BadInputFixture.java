package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.Server;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bad-input catalogue runs against: a PostgreSQL source and a MySQL destination database, each reached
 * through a user of its own whose password is a test secret, so that every run can be searched for it. The
 * source tables hold rows; the destination tables are empty and must stay so after every failing run.
 */
final class BadInputFixture implements AutoCloseable {

    /** Every password, passphrase and key-store password the tests give contains this. */
    static final String SECRET_MARK = "S3cr3t";
    static final String PG_PASSWORD = "S3cr3t-pg-Xy9";
    static final String MY_PASSWORD = "S3cr3t-my-Xy9";
    static final String WRONG_PASSWORD = "S3cr3t-wrong-Xy9";
    static final String SSL_PASSWORD = "S3cr3t-ssl-Xy9";
    static final String TRUST_STORE_PASSWORD = "S3cr3t-ts-Xy9";
    static final String KEY_STORE_PASSWORD = "S3cr3t-ks-Xy9";

    static final int SOURCE_ROWS = 20;
    /** The only destination table a catalogue case may fill: the one whose record is accepted with a warning. */
    static final String WRITABLE_TABLE = "batch_items";
    static final List<String> DESTINATION_TABLES = List.of("items", "texts", "nopk", "keep_me", WRITABLE_TABLE);

    final TestDatabase pg;
    final TestDatabase my;
    final String pgUser = "idra_bad_" + suffix();
    final String myUser = "idra_bad_" + suffix();
    final SilentServer silent = new SilentServer();
    final int closedPort = closedPort();

    BadInputFixture() {
        pg = TestServers.postgres().createDatabase("bad");
        my = TestServers.mysql().createDatabase("bad");
        pg.execute("CREATE ROLE " + pgUser + " LOGIN PASSWORD '" + PG_PASSWORD + "'");
        my.execute("CREATE USER '" + myUser + "'@'%' IDENTIFIED BY '" + MY_PASSWORD + "'",
                "GRANT ALL ON " + my.quote(my.name()) + ".* TO '" + myUser + "'@'%'");
        sourceTables();
        destinationTables();
    }

    private void sourceTables() {
        SampleTable.create(pg, "items");
        SampleTable.insert(pg, "items", 1, SOURCE_ROWS, SampleTable.BASE);
        pg.execute("CREATE TABLE texts (id bigint PRIMARY KEY, ts text, flag boolean)",
                "INSERT INTO texts VALUES (1, '2024-03-01 10:00:00', true)",
                "CREATE TABLE docs (id json, ts timestamp(6))",
                "INSERT INTO docs VALUES ('{\"a\": 1}', '2024-03-01 10:00:00')",
                "CREATE TABLE keep_me (id int PRIMARY KEY)",
                "CREATE TABLE secret_items (id bigint PRIMARY KEY, ts timestamp(6))",
                "INSERT INTO secret_items VALUES (1, '2024-03-01 10:00:00')",
                // secret_items stays unreadable for the sync's user
                "GRANT SELECT ON items, texts, docs, keep_me TO " + pgUser);
    }

    private void destinationTables() {
        SampleTable.create(my, "items");
        SampleTable.create(my, WRITABLE_TABLE);
        my.execute("CREATE TABLE texts (id bigint PRIMARY KEY, ts text, flag boolean)",
                "CREATE TABLE nopk (id bigint, n int, big bigint, amount decimal(12,2), name varchar(100), note text,"
                        + " flag boolean, day date, ts datetime(6))",
                "CREATE TABLE keep_me (id int PRIMARY KEY)");
    }

    /** A record copying items from the source to the destination, every connection string holding a password. */
    SyncRecord record(String name, Mode mode) {
        return SyncRecord.of(SyncJson.sync(name, mode, pg, my).table("items")
                .sourceConnection(pgLibpq()).destinationConnection(myGoDsn()));
    }

    String pgLibpq() {
        Server s = pg.server();
        return "host=" + s.host() + " port=" + s.port() + " user=" + pgUser + " password=" + PG_PASSWORD
                + " dbname=" + pg.name() + " sslmode=disable";
    }

    String pgUri() {
        Server s = pg.server();
        return "postgres://" + pgUser + ":" + PG_PASSWORD + "@" + s.host() + ":" + s.port() + "/" + pg.name()
                + "?sslmode=disable";
    }

    /** sslpassword is read only with a client key, but it must stay out of every log all the same. */
    String pgJdbc() {
        Server s = pg.server();
        return "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + pg.name() + "?user=" + pgUser
                + "&password=" + PG_PASSWORD + "&sslpassword=" + SSL_PASSWORD;
    }

    String myGoDsn() {
        return myGoDsn(MY_PASSWORD);
    }

    String myGoDsn(String password) {
        Server s = my.server();
        return myUser + ":" + password + "@tcp(" + s.host() + ":" + s.port() + ")/" + my.name()
                + "?charset=utf8mb4&parseTime=True&loc=Local";
    }

    /** The key-store passwords are unused without key stores, but must stay out of every log all the same. */
    String myJdbc() {
        Server s = my.server();
        return "jdbc:mysql://" + myUser + ":" + MY_PASSWORD + "@" + s.host() + ":" + s.port() + "/" + my.name()
                + "?trustCertificateKeyStorePassword=" + TRUST_STORE_PASSWORD
                + "&clientCertificateKeyStorePassword=" + KEY_STORE_PASSWORD;
    }

    String myMariadb() {
        Server s = my.server();
        return "jdbc:mariadb://" + s.host() + ":" + s.port() + "/" + my.name() + "?user=" + myUser
                + "&password=" + MY_PASSWORD;
    }

    /** The values of the placeholders in expected messages ({src}, {dst}, ...), which vary from run to run. */
    Map<String, String> placeholders() {
        Server p = pg.server();
        Server m = my.server();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{src}", "postgresql://" + p.host() + ":" + p.port() + "/" + pg.name() + " as " + pgUser);
        values.put("{dst}", "mysql://" + m.host() + ":" + m.port() + "/" + my.name() + " as " + myUser);
        values.put("{pg_host}", p.host());
        values.put("{pg_port}", String.valueOf(p.port()));
        values.put("{pg_db}", pg.name());
        values.put("{pg_user}", pgUser);
        values.put("{my_host}", m.host());
        values.put("{my_port}", String.valueOf(m.port()));
        values.put("{my_db}", my.name());
        values.put("{my_user}", myUser);
        values.put("{closed_port}", String.valueOf(closedPort));
        values.put("{silent_port}", String.valueOf(silent.port()));
        return values;
    }

    /** Rows in every destination table but the one a successful case fills. */
    long destinationRowsOutsideTheWritableTable() {
        return DESTINATION_TABLES.stream().filter(t -> !t.equals(WRITABLE_TABLE)).mapToLong(my::count).sum();
    }

    List<String> destinationTableNames() {
        return my.rows("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " ORDER BY table_name").stream().map(r -> String.valueOf(r.get("t"))).toList();
    }

    boolean sourceHasTable(String table) {
        return pg.rows("SELECT 1 AS one FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'")
                .size() == 1;
    }

    @Override
    public void close() {
        silent.close();
        pg.execute("DROP OWNED BY " + pgUser, "DROP ROLE " + pgUser);
        my.execute("DROP USER '" + myUser + "'@'%'");
        pg.close();
        my.close();
    }

    /** A port nothing listens on: taken from the system, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String suffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
