package io.idra.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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
    /** Jackson's "Unexpected character ('}' (code 125))": the character is group 1. */
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.)' \\(code ");

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
            return fileError(label, cannotRead(file, e));
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

    /** A sync and the file it was read from, as the user named that file. */
    public record FromFile(Sync sync, String file) {
    }

    /**
     * Checks syncs loaded from several files together: a repeated sync_name (ignoring case) or id is an error on
     * the later sync, naming the file of the earlier one. The syncs of one file are already checked by {@link #read}.
     */
    public static List<Problem> checkUnique(List<FromFile> syncs) {
        List<UniqueCheck.Entry> entries = syncs.stream()
                .map(s -> new UniqueCheck.Entry(s.sync().name(), Optional.of(s.sync().name()),
                        Optional.of(s.sync().id()), s.file()))
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
            String reason = isTrailingComma(source, e) ? trailingComma(e.getOriginalMessage())
                    : reason(e.getOriginalMessage());
            return fileError(label, "malformed JSON" + at(e.getLocation()) + ": " + reason);
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
                .map(o -> new UniqueCheck.Entry(o.issues().label(), o.name(), o.statedId(), ""))
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

    /** Said in words: the exception's class and text ("NoSuchFileException: x.json") are for programmers. */
    private static String cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found: " + file;
        }
        if (Files.isDirectory(file)) {
            return file + " is a directory; expected a JSON file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + file + ": permission denied";
        }
        return "cannot read " + file + ": " + e.getMessage();
    }

    /**
     * Jackson reports a trailing comma as the '}' or ']' after it being unexpected, which hides the fix; the text
     * is a trailing comma exactly when a parser that allows them gets past the place of the error.
     */
    private static boolean isTrailingComma(Source source, JsonProcessingException error) {
        try (JsonParser parser = source.open()) {
            parser.enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature());
            MAPPER.readTree(parser);
            return true;
        } catch (JsonProcessingException lenient) {
            JsonLocation here = lenient.getLocation();
            JsonLocation there = error.getLocation();
            return here != null && there != null && (here.getLineNr() != there.getLineNr()
                    || here.getColumnNr() != there.getColumnNr());
        } catch (IOException e) {
            return false;
        }
    }

    private static String trailingComma(String jacksonMessage) {
        Matcher closing = UNEXPECTED_CHARACTER.matcher(jacksonMessage == null ? "" : jacksonMessage);
        return "trailing comma" + (closing.lookingAt() ? " before '" + closing.group(1) + "'" : "")
                + ": JSON allows no comma after the last entry; remove it";
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
