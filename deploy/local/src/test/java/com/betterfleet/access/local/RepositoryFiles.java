package com.betterfleet.access.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository outside this module, found from the test's working directory. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    static Path k8s() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/k8s");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/k8s not found above " + Path.of("").toAbsolutePath());
    }
}
