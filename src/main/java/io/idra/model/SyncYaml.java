package io.idra.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Syncs in Camel YAML route files: each {@code templatedRoute} of the {@code idra-sync} template is one sync whose
 * parameters are the record's fields by JSON path ({@link SyncParameters}). Reading one gives the same problems as
 * the JSON record would, named after the file; other routes in the file are left to Camel.
 */
public final class SyncYaml {

    public static final String TEMPLATE = "idra-sync";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncYaml() {
    }

    public static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public static LoadResult read(Path file) {
        String label = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return failed("<" + label + ">", "cannot read the file: " + e.getMessage());
        }
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(label).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            String mark = e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("");
            return failed("<" + label + ">", "malformed YAML" + mark + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            return failed("<" + label + ">", "malformed YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(document instanceof List<?> items)) {
            return failed("<" + label + ">", "expected a YAML list of routes (- templatedRoute: ...)");
        }
        List<Sync> syncs = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("templatedRoute") instanceof Map<?, ?> route)
                    || !TEMPLATE.equals(route.get("routeTemplateRef"))) {
                continue;
            }
            String where = label + "#" + (i + 1);
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (route.get("parameters") instanceof List<?> list) {
                for (Object p : list) {
                    if (p instanceof Map<?, ?> parameter && parameter.get("name") != null) {
                        parameters.put(parameter.get("name").toString(), parameter.get("value"));
                    }
                }
            }
            LoadResult one = SyncReader.read(SyncParameters.toJson(parameters), where);
            Object routeId = route.get("routeId");
            for (Sync sync : one.syncs()) {
                // reload replaces a route by its id, so the file must state it
                if (routeId == null || !sync.routeId().equals(routeId.toString())) {
                    errors.add(new Problem(sync.name(), "routeId", "expected " + sync.routeId()
                            + " (the route of a sync is named after it), got " + (routeId == null ? "none" : routeId)));
                }
            }
            syncs.addAll(one.syncs());
            errors.addAll(one.errors());
            warnings.addAll(one.warnings());
        }
        return new LoadResult(syncs, errors, warnings);
    }

    private static LoadResult failed(String sync, String message) {
        return new LoadResult(List.of(), List.of(new Problem(sync, "", message)), List.of());
    }

    /**
     * The YAML route file of a sync, in Camel's canonical templatedRoute form; values are written as JSON strings,
     * which are valid YAML double-quoted scalars.
     *
     * @param shownConnection how a connection string is written (masked for exports)
     */
    public static String render(Sync sync, UnaryOperator<String> shownConnection) {
        StringBuilder yaml = new StringBuilder()
                .append("# Sync '").append(sync.name()).append("' (Idra on Camel). Fields are the sync record's,")
                .append(" by JSON path: docs/SYNC-RECORD.md\n")
                .append("- templatedRoute:\n")
                .append("    routeTemplateRef: ").append(TEMPLATE).append("\n")
                .append("    routeId: ").append(sync.routeId()).append("\n")
                .append("    parameters:\n");
        SyncParameters.of(sync).forEach((name, value) -> {
            String shown = name.endsWith(".connection_string") ? shownConnection.apply(value) : value;
            yaml.append("      - name: ").append(name).append("\n")
                    .append("        value: ").append(quote(shown)).append("\n");
        });
        return yaml.toString();
    }

    private static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
