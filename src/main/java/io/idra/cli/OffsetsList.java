package io.idra.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.cursor.Cursor;
import io.idra.model.Sync;
import io.idra.state.StoredOffset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code offsets list [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists where every sync stands.",
                "The stored offset and when it was saved; 'none' when the sync has not copied a row yet (it starts"
                        + " from start_offset); for LastDestination* modes the destination column whose MAX() is"
                        + " read at every tick. Offsets of syncs no file defines any more are listed too, marked"
                        + " (no sync file).",
                "> V: rows after V are copied next; >= V: rows from V on."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class OffsetsList implements Callable<Integer> {

    @Option(names = "--json", description = "A JSON array for scripts instead of the table.")
    boolean json;

    private record Row(String sync, String syncId, String mode, String offset, String shown, Instant updatedAt,
                       boolean inDestination, Path file) {
    }

    @Override
    public Integer call() throws Exception {
        SyncFiles files = SyncFiles.load();
        Map<String, StoredOffset> stored = new LinkedHashMap<>();
        try (StateStore store = StateStore.open()) {
            store.offsets().list().forEach(offset -> stored.put(offset.syncId(), offset));
        }
        List<Row> rows = new ArrayList<>();
        for (SyncFiles.Entry entry : files.entries()) {
            rows.add(row(entry, stored.remove(entry.sync().id())));
        }
        stored.values().forEach(offset -> rows.add(new Row(offset.syncName(), offset.syncId(), null,
                OffsetInput.show(offset.offset()), OffsetInput.show(offset.offset()), offset.updatedAt(), false,
                null)));
        if (json) {
            ArrayNode array = Json.array();
            rows.forEach(row -> array.add(json(row)));
            Json.print(array);
        } else {
            Table table = new Table("SYNC", "MODE", "OFFSET", "UPDATED AT");
            rows.forEach(row -> table.row(row.file() == null ? row.sync() + " (no sync file)" : row.sync(),
                    row.mode(), row.shown(), row.updatedAt() == null ? null
                            : row.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
            table.print();
        }
        Console.errors(files.errors());
        return files.errors().isEmpty() ? 0 : 1;
    }

    private static Row row(SyncFiles.Entry entry, StoredOffset offset) {
        Sync sync = entry.sync();
        String mode = sync.mode().jsonName();
        if (sync.mode().offsetInDestination()) {
            String max = "MAX(" + String.join(", ", Cursor.of(sync).destinationMaxColumns()) + ") at the destination";
            return new Row(sync.name(), sync.id(), mode, null, max, null, true, entry.file());
        }
        if (offset == null) {
            long start = sync.source().startOffset();
            String none = start > 0 ? "none: starts at start_offset " + start : "none: starts from the first row";
            return new Row(sync.name(), sync.id(), mode, null, none, null, false, entry.file());
        }
        String shown = OffsetInput.show(offset.offset());
        return new Row(sync.name(), sync.id(), mode, shown, shown, offset.updatedAt(), false, entry.file());
    }

    private static ObjectNode json(Row row) {
        ObjectNode node = Json.object();
        node.put("sync", row.sync());
        node.put("sync_id", row.syncId());
        node.put("mode", row.mode());
        node.put("offset", row.offset());
        node.put("updated_at", row.updatedAt() == null ? null : row.updatedAt().toString());
        node.put("in_destination", row.inDestination());
        node.put("file", row.file() == null ? null : row.file().toString());
        return node;
    }
}
