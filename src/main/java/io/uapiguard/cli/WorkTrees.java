package io.uapiguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a work tree's root by its {@code .git} entry, without opening the repository (keeps JGit off fast paths). */
final class WorkTrees {

    private WorkTrees() {
    }

    /** The nearest directory at or above {@code start} that holds {@code .git}; null when there is none. */
    static Path rootAbove(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return null;
    }
}
