package io.idra.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a sync file (SYNC-FORMAT.md): one sync object or a JSON array of them. Every problem of every record is
 * reported in one pass, so a user fixes a file in one edit instead of one error per run.
 *
 * <p>Static and thread-safe: there is no state besides the shared, immutable JSON mapper.
 */
public final class SyncReader {

    /**
     * A key given twice would silently keep one of the values: reject the file instead. The source text is kept
     * out of Jackson's messages, as it holds connection strings.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build()).build();

    /** Jackson names the (redacted) source inside some messages, e.g. "start marker at [Source: REDACTED ...; line: 1". */
    private static final Pattern SOURCE_IN_MESSAGE = Pattern.compile("\\[Source: .*?; line: ");

    /** Opens a parser on the file's content; bytes for a file so that Jackson reports bad UTF-8 with its place. */
    @FunctionalInterface
    private interface Source {
        JsonParser open() throws IOException;
    }

    private SyncReader() {
    }

    /** Reads a file; problems name it as {@code <file name>}. */
    public static LoadResult read(Path file) {
        String label = "<" + file.getFileName() + ">";
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return fileError(label, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return load(label, () -> MAPPER.createParser(content));
    }

    /**
     * Reads JSON text.
     *
     * @param sourceName where the text comes from, e.g. "bimbi.json"; problems name it as {@code <bimbi.json>}
     */
    public static LoadResult read(String json, String sourceName) {
        return load("<" + sourceName + ">", () -> MAPPER.createParser(json));
    }

    /**
     * Checks syncs loaded from several files together: a repeated sync_name (ignoring case) or id is an error on
     * the later sync. The syncs of one file are already checked by {@link #read}.
     */
    public static List<Problem> checkUnique(List<Sync> syncs) {
        List<UniqueCheck.Entry> entries = syncs.stream()
                .map(s -> new UniqueCheck.Entry(s.name(), Optional.of(s.name()), Optional.of(s.id())))
                .toList();
        return UniqueCheck.check(entries).stream().map(UniqueCheck.Duplicate::problem).toList();
    }

    private static LoadResult load(String label, Source source) {
        JsonNode tree;
        try (JsonParser parser = source.open()) {
            tree = MAPPER.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                return fileError(label, "malformed JSON" + at(parser.currentTokenLocation())
                        + ": unexpected content after the end of the JSON value");
            }
        } catch (JsonProcessingException e) {
            return fileError(label, "malformed JSON" + at(e.getLocation()) + ": " + reason(e.getOriginalMessage()));
        } catch (IOException e) {
            return fileError(label, "cannot read the JSON (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (tree == null || tree.isMissingNode()) {
            return fileError(label, "empty file: expected a sync object or an array of sync objects");
        }
        if (tree.isObject()) {
            return collect(List.of(RecordReader.read((ObjectNode) tree, label)), List.of());
        }
        if (!tree.isArray()) {
            return fileError(label, "expected a sync object or an array of sync objects, got " + FieldReader.show(tree));
        }
        return readArray(label, tree);
    }

    private static LoadResult readArray(String label, JsonNode array) {
        List<RecordReader.Outcome> outcomes = new ArrayList<>();
        Issues fileIssues = new Issues(label);
        if (array.isEmpty()) {
            fileIssues.warn("", "the array holds no sync");
        }
        for (int i = 0; i < array.size(); i++) {
            String recordLabel = label + "#" + i;
            JsonNode element = array.get(i);
            if (element.isObject()) {
                outcomes.add(RecordReader.read((ObjectNode) element, recordLabel));
            } else {
                Issues issues = new Issues(recordLabel);
                issues.error("", "expected a sync object, got " + FieldReader.show(element));
                outcomes.add(new RecordReader.Outcome(issues, Optional.empty(), Optional.empty(), Optional.empty()));
            }
        }
        return collect(outcomes, fileIssues.warnings());
    }

    /** Merges the records' findings in file order; a record repeating an earlier name or id is dropped. */
    private static LoadResult collect(List<RecordReader.Outcome> outcomes, List<String> fileWarnings) {
        List<UniqueCheck.Entry> entries = outcomes.stream()
                .map(o -> new UniqueCheck.Entry(o.issues().label(), o.name(), o.statedId()))
                .toList();
        List<UniqueCheck.Duplicate> duplicates = UniqueCheck.check(entries);
        List<Sync> syncs = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>(fileWarnings);
        for (int i = 0; i < outcomes.size(); i++) {
            RecordReader.Outcome outcome = outcomes.get(i);
            int index = i;
            List<Problem> duplicateProblems =
                    duplicates.stream().filter(d -> d.index() == index).map(UniqueCheck.Duplicate::problem).toList();
            errors.addAll(outcome.issues().errors());
            errors.addAll(duplicateProblems);
            warnings.addAll(outcome.issues().warnings());
            if (duplicateProblems.isEmpty()) {
                outcome.sync().ifPresent(syncs::add);
            }
        }
        return new LoadResult(syncs, errors, warnings);
    }

    private static LoadResult fileError(String label, String message) {
        Issues issues = new Issues(label);
        issues.error("", message);
        return new LoadResult(List.of(), issues.errors(), List.of());
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String reason(String jacksonMessage) {
        String firstLine = jacksonMessage == null ? "" : jacksonMessage.lines().findFirst().orElse("");
        return firstLine.isBlank() ? "unknown reason" : SOURCE_IN_MESSAGE.matcher(firstLine).replaceAll("[line: ");
    }
}
