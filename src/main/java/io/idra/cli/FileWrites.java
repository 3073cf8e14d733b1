package io.idra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: a running program that reloads routes/ (or the next {@code run}) never reads
 * a half-written sync. The text goes to a hidden temporary file beside the target, whose name ends in neither .json
 * nor .yaml so that nothing loads it, then is moved over the target in one step.
 */
final class FileWrites {

    private FileWrites() {
    }

    static void write(Path target, String text) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + target.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
