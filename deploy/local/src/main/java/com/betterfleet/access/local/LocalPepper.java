package com.betterfleet.access.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The identifier pepper (ACCESS_ID_PEPPER) of the local run: random on the first run, then kept
 * in .run, so identifier hashes stored by one run still match in the next.
 */
final class LocalPepper {
    private LocalPepper() {
    }

    static String load(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String pepper = RandomSecret.generate();
            LocalFiles.writeOwnerOnly(file, pepper + System.lineSeparator());
            return pepper;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
