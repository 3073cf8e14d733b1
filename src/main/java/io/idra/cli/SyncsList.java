package io.idra.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idra.model.Connector;
import io.idra.model.Sync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code syncs list [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists every sync.",
                "Name, mode, source and destination (type and table), the file that defines it, and whether it"
                        + " is enabled.",
                "A file with a mistake is reported on stderr (exit code 1); its syncs are not listed."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class SyncsList implements Callable<Integer> {

    @Option(names = "--json", description = "A JSON array for scripts instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SyncFiles files = SyncFiles.load();
        if (json) {
            ArrayNode array = Json.array();
            files.entries().forEach(entry -> array.add(json(entry)));
            Json.print(array);
        } else if (files.entries().isEmpty()) {
            System.out.println("no syncs in " + SyncFiles.WHERE);
        } else {
            Table table = new Table("NAME", "MODE", "SOURCE", "DESTINATION", "FILE", "ENABLED");
            for (SyncFiles.Entry entry : files.entries()) {
                Sync sync = entry.sync();
                table.row(sync.name(), sync.mode().jsonName(), end(sync.source()), end(sync.destination()),
                        entry.file(), sync.disabled() ? "no" : "yes");
            }
            table.print();
        }
        Console.errors(files.errors());
        return files.errors().isEmpty() ? 0 : 1;
    }

    private static String end(Connector connector) {
        return connector.type().jsonName() + " " + (connector.hasQuery() ? "(query)" : connector.table());
    }

    private static ObjectNode json(SyncFiles.Entry entry) {
        Sync sync = entry.sync();
        ObjectNode node = Json.object();
        node.put("name", sync.name());
        node.put("mode", sync.mode().jsonName());
        node.set("source", json(sync.source()));
        node.set("destination", json(sync.destination()));
        node.put("file", entry.file().toString());
        node.put("enabled", !sync.disabled());
        return node;
    }

    private static ObjectNode json(Connector connector) {
        ObjectNode node = Json.object();
        node.put("type", connector.type().jsonName());
        node.put("table", connector.table());
        node.put("query", connector.query());
        return node;
    }
}
