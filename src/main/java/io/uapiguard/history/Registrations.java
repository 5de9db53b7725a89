package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.git.GitSource;
import io.uapiguard.git.PathGlob;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.IngestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The repositories the history knows: registering one (its name, location, tags, branches and header paths
 * checked first), and finding a registered one by name or by the location it was registered from. Apart from
 * {@link Ingester}, which ingests what is registered: a command that only names a repository needs no ingest.
 */
public final class Registrations {

    public static final String DEFAULT_TAG_PATTERN = "v*";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final IngestStore store;

    public Registrations(DataSource dataSource) {
        this(new IngestStore(dataSource));
    }

    Registrations(IngestStore store) {
        this.store = store;
    }

    /** Registers or updates a repository; BAD_INPUT with a clear message when the spec is unusable. */
    public RepositoryInfo register(RepositorySpec spec) {
        String name = spec.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UapiguardException(Reason.BAD_INPUT, "repository name '" + name
                    + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String location = normalizeLocation(spec.location());
        GitSource.kind(location);
        String tagPattern = spec.tagPattern() == null || spec.tagPattern().isBlank()
                ? DEFAULT_TAG_PATTERN : spec.tagPattern().trim();
        List<String> branches = spec.branches() == null ? List.of() : spec.branches().stream()
                .map(String::trim).filter(b -> !b.isEmpty()).distinct().toList();
        for (String b : branches) {
            if (!Repository.isValidRefName(Constants.R_HEADS + b)) {
                throw new UapiguardException(Reason.BAD_INPUT, "not a valid branch name: " + b);
            }
        }
        List<String> paths = spec.paths() == null || spec.paths().isEmpty() ? List.of(PathGlob.UAPI_HEADERS)
                : spec.paths().stream().map(String::trim).distinct().toList();
        PathGlob.of(paths);
        if (spec.mirrors() != null && spec.mirrors().stream().anyMatch(m -> m == null)) {
            throw new UapiguardException(Reason.BAD_INPUT, "a mirror needs an 'original' and a 'copy' path");
        }
        return store.upsertRepository(name, location, tagPattern, branches, paths, spec.mirrors());
    }

    /**
     * BAD_INPUT naming what is wrong with a location (no such path, not a git repository, a malformed URL), checked
     * without a database, so that {@code serve --ingest} can refuse one before it starts anything.
     */
    public static void checkLocation(String location) {
        GitSource.kind(normalizeLocation(location));
    }

    /**
     * Local paths (and file:// URLs) are stored as absolute paths with their links resolved: one repository, whichever
     * working directory or link it is named from.
     */
    static String normalizeLocation(String location) {
        return Location.of(location).stored();
    }

    /**
     * A location as the user wrote it (absolute, links kept: what a new repository is named after, and how locations
     * were stored before links were resolved) and as it is stored (links resolved; a path that does not exist stays
     * as written, for {@link GitSource#kind} to say what is missing).
     */
    private record Location(String written, String stored) {

        static Location of(String location) {
            if (location == null || location.isBlank()) {
                throw new UapiguardException(Reason.BAD_INPUT, "a repository location is required");
            }
            String l = location.trim();
            if (l.startsWith("file://")) {
                try {
                    l = Path.of(java.net.URI.create(l)).toString();
                } catch (IllegalArgumentException e) {
                    throw new UapiguardException(Reason.BAD_INPUT, "not a valid file URL: " + location);
                }
            }
            if (GitSource.isUrl(l)) {
                return new Location(l, l);
            }
            Path written = GitSource.localPath(l).toAbsolutePath().normalize();
            try {
                return new Location(written.toString(), written.toRealPath().toString());
            } catch (IOException e) {
                return new Location(written.toString(), written.toString());
            }
        }
    }

    /** The repository registered from {@code location}: as stored now, else as written (stored through a link). */
    private Optional<IngestStore.Registered> registeredAt(Location location) {
        var found = store.repositoryByLocation(location.stored());
        return found.isPresent() || location.written().equals(location.stored()) ? found
                : store.repositoryByLocation(location.written());
    }

    /**
     * The registered repository that {@code nameOrLocation} names: a registered name, or a location (path,
     * bundle, URL) already registered, or else registered now under a name derived from the location.
     */
    public RepositoryInfo resolveOrRegister(String nameOrLocation, String nameForNew) {
        if (nameForNew == null) {
            var byName = store.repository(nameOrLocation);
            if (byName.isPresent()) {
                return byName.get().info();
            }
        }
        boolean looksLikeLocation = GitSource.isUrl(nameOrLocation)
                || Files.exists(GitSource.localPath(nameOrLocation));
        if (!looksLikeLocation) {
            throw new UapiguardException(Reason.NOT_FOUND, "no repository named '" + nameOrLocation
                    + "' is registered, and it is not a path, bundle or URL");
        }
        Location location = Location.of(nameOrLocation);
        var byLocation = registeredAt(location);
        if (byLocation.isPresent() && nameForNew == null) {
            return byLocation.get().info();
        }
        // Named as the user wrote it: a link's name, not its target's.
        String name = nameForNew != null ? nameForNew : GitSource.deriveName(location.written());
        var taken = store.repository(name);
        if (taken.isPresent()) {
            if (!normalizeLocation(taken.get().info().location()).equals(location.stored())) {
                throw new UapiguardException(Reason.BAD_INPUT, "the name '" + name + "' is registered for "
                        + taken.get().info().location() + "; choose another with --name");
            }
            if (nameForNew == null) {
                return taken.get().info();   // the same repository, registered through another link to it
            }
        }
        return register(new RepositorySpec(name, location.stored(), null, null, null));
    }

    /**
     * The registered repository that {@code nameOrLocation} names, registering nothing: a name, else the location
     * it was registered from (a path, bundle or URL as given to {@code ingest}); NOT_FOUND otherwise.
     */
    public RepositoryInfo resolve(String nameOrLocation) {
        var byName = store.repository(nameOrLocation);
        if (byName.isPresent()) {
            return byName.get().info();
        }
        if (GitSource.isUrl(nameOrLocation) || Files.exists(GitSource.localPath(nameOrLocation))) {
            Location location = Location.of(nameOrLocation);
            var byLocation = registeredAt(location);
            if (byLocation.isPresent()) {
                return byLocation.get().info();
            }
            throw new UapiguardException(Reason.NOT_FOUND, "no repository is registered for " + nameOrLocation
                    + " (it would be named '" + GitSource.deriveName(location.written())
                    + "'); record it with 'uapiguard ingest " + nameOrLocation + "'");
        }
        throw UapiguardException.unknownRepository(nameOrLocation);
    }
}
