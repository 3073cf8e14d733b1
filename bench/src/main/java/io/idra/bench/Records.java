package io.idra.bench;

import io.idra.cursor.Offset;
import io.idra.state.OffsetCodec;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Idra sync records for the benchmark, and a state store that already holds a caught-up offset. */
final class Records {

    private Records() {
    }

    /** A sync record from the direction's source {@code src} to its destination {@code dst}. */
    static String sync(String id, String name, String mode, Direction direction, Save save, int pollingSeconds) {
        return "{\"id\": \"" + id + "\", \"sync_name\": \"" + name + "\", \"mode\": \"" + mode + "\", \"disabled\": false,\n"
                + " \"source_connector\": " + connector(direction.source(), BenchTable.SOURCE, save, pollingSeconds) + ",\n"
                + " \"destination_connector\": " + connector(direction.destination(), BenchTable.DESTINATION, save,
                pollingSeconds) + "}\n";
    }

    private static String connector(Db db, String table, Save save, int pollingSeconds) {
        return "{\"id\": \"id\", \"connector_name\": \"" + db.id() + "\", \"connector_source_type\": \""
                + (db.engine == Db.Engine.POSTGRES ? "PostgresGORM" : "MysqlGORM") + "\", \"connection_string\": \""
                + db.idraConnectionString() + "\", \"database\": \"\", \"query\": \"\", \"table\": \"" + table
                + "\", \"polling_time\": " + pollingSeconds + ", \"timestamp_field\": \"" + BenchTable.TIMESTAMP
                + "\", \"timestamp_field_format\": \"\", \"max_record_batch_size\": 0, \"save_mode\": \"" + save.label
                + "\", \"start_offset\": 0, \"token\": \"\"}";
    }

    /** The default state store (H2) of a working directory, as {@code -Didra.state.url} would name it. */
    static String stateUrl(Path workDir) {
        return "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("data/idra-state") + ";AUTO_SERVER=TRUE";
    }

    /**
     * Writes the Timestamp offset {@code (updated_at, id)} of the source's last row for each sync id into the
     * state store (table and format of docs/ARCHITECTURE.md, encoded by idra's own codec): those syncs start
     * caught up, as after a full copy.
     */
    static void seedState(String stateUrl, List<String[]> idsAndNames, Object[] cursor) throws SQLException {
        String offset = OffsetCodec.encode(new Offset(List.of(cursor), false));
        try (Connection c = DriverManager.getConnection(stateUrl, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS idra_offset (sync_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " sync_name VARCHAR(128) NOT NULL, offset_value VARCHAR(4000) NOT NULL,"
                    + " updated_at VARCHAR(40) NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO idra_offset KEY (sync_id) VALUES (?, ?, ?, ?)")) {
                for (String[] sync : idsAndNames) {
                    ps.setString(1, sync[0]);
                    ps.setString(2, sync[1]);
                    ps.setString(3, offset);
                    ps.setString(4, Instant.now().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
