package io.idra.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.model.Sync;
import io.idra.state.SyncStatusRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code status [--json]}: what the running program last wrote to the status table, per sync. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows how each sync is doing, as its program last wrote it to the status table.",
                "The table is in the state store (idra.state.url). Per sync: how its last tick ended (succeeded or"
                        + " failed) and when, rows copied by the last tick and in total (across restarts and nodes),"
                        + " and the last error.",
                "Syncs whose program never wrote a row are 'never ran'; rows of syncs no file defines any more are"
                        + " marked (no sync file). A row is written when a tick ends, at least once a minute, so an"
                        + " old 'last tick end' means the sync is stopped, or in a long catch-up.",
                "Lag is not in the status table: read it over JMX (attribute Lag) or /metrics (idra_lag)."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "A JSON array for scripts instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SyncFiles files = SyncFiles.load();
        Map<String, SyncStatusRow> rows = new LinkedHashMap<>();
        try (StateStore store = StateStore.open()) {
            store.status().list().forEach(row -> rows.put(row.syncId(), row));
        }
        Instant now = Instant.now();
        ArrayNode array = Json.array();
        Table table = new Table("SYNC", "STATE", "LAST TICK END", "ROWS LAST/TOTAL", "LAST ERROR");
        for (SyncFiles.Entry entry : files.entries()) {
            Sync sync = entry.sync();
            SyncStatusRow row = rows.remove(sync.id());
            array.add(json(sync.name(), row, entry.file().toString()));
            if (row == null) {
                table.row(sync.name(), sync.disabled() ? "never ran (disabled)" : "never ran", null, null, null);
            } else {
                add(table, sync.name(), row, now);
            }
        }
        for (SyncStatusRow row : rows.values()) {
            array.add(json(row.syncName(), row, null));
            add(table, row.syncName() + " (no sync file)", row, now);
        }
        if (json) {
            Json.print(array);
        } else {
            table.print();
        }
        Console.errors(files.errors());
        return files.errors().isEmpty() ? 0 : 1;
    }

    private static void add(Table table, String name, SyncStatusRow row, Instant now) {
        Instant end = row.lastTickEnd();
        table.row(name, row.state().toLowerCase(Locale.ROOT),
                end == null ? null : end.truncatedTo(ChronoUnit.SECONDS) + " (" + age(end, now) + " ago)",
                row.rowsLastTick() + " / " + row.rowsTotal(), row.lastError());
    }

    private static String age(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds < 172_800 ? seconds / 3600 + " h" : seconds / 86_400 + " d";
    }

    private static ObjectNode json(String name, SyncStatusRow row, String file) {
        ObjectNode node = Json.object();
        node.put("sync", name);
        node.put("file", file);
        node.put("state", row == null ? "never ran" : row.state().toLowerCase(Locale.ROOT));
        if (row != null) {
            node.put("sync_id", row.syncId());
            node.put("last_tick_start", text(row.lastTickStart()));
            node.put("last_tick_end", text(row.lastTickEnd()));
            node.put("rows_last_tick", row.rowsLastTick());
            node.put("rows_total", row.rowsTotal());
            node.put("offset", row.offsetText());
            node.put("null_cursor_rows", row.nullCursorRows());
            node.put("last_error", row.lastError());
            node.put("node", row.node());
            node.put("updated_at", text(row.updatedAt()));
        }
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
