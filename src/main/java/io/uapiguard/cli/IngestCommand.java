package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.history.Ingester;
import io.uapiguard.history.Registrations;
import io.uapiguard.include.IncludeDirectories;
import io.uapiguard.model.Mirror;
import io.uapiguard.store.Database;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Ingests what is new in a repository, registering it first when it is given by location. */
@Command(name = "ingest",
        description = "Record the header revisions of a repository in the store (incremental).")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPO",
            description = "A registered name, or a local repository, a git bundle or a URL (registered on first use).")
    String repository;

    @Option(names = "--name", description = "Name to register a new location under (default: derived from it).")
    String name;

    @Option(names = "--tags", paramLabel = "PATTERN", description = "Tags to record (default: v*).")
    String tagPattern;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch to follow (repeatable; default: the default branch).")
    List<String> branches;

    @Option(names = "--path", paramLabel = "PATH",
            description = "Header path or glob to watch (repeatable; default: include/uapi/**/*.h, every UAPI header).")
    List<String> paths;

    @Option(names = "--mirror", paramLabel = "ORIGINAL=COPY",
            description = "A header and its copy to keep in sync, two files or two folders ending in '/' "
                    + "(repeatable; 'none' for no pairs; default: include/uapi/=tools/include/uapi/, where both are "
                    + "watched).")
    List<String> mirrors;

    @Option(names = {"-I", "--include-dir"}, paramLabel = "DIR",
            description = "A directory #include is looked up in after the revision's own include/uapi and "
                    + "arch/x86/include/uapi, as gcc's -I (repeatable; default: none, so that what is stored does not "
                    + "depend on this machine; an include found nowhere is a gap of the model).")
    List<Path> includeDirs;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where bundles and URLs are cloned (default: $UAPIGUARD_HISTORY_CACHE_DIR, else ~/.cache/uapiguard/repos).")
    Path cacheDir;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar (default: when on a terminal).")
    Boolean progressBar;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        try (Database db = database.open()) {
            Registrations registrations = new Registrations(db.dataSource());
            RepositoryInfo repo = registrations.resolveOrRegister(repository, name);
            if (tagPattern != null || branches != null || paths != null || mirrors != null) {
                repo = registrations.register(new RepositorySpec(repo.name(), repo.location(),
                        tagPattern != null ? tagPattern : repo.tagPattern(),
                        branches != null ? branches : repo.branches(), paths != null ? paths : repo.paths(),
                        mirrors != null ? mirrors(mirrors) : repo.mirrors()));
            }
            boolean tty = progressBar != null ? progressBar : System.console() != null;
            IngestProgress progress = new IngestProgress(err, tty);
            IngestSummary s;
            try {
                s = new Ingester(db.dataSource(), cacheDir(), includeDirs == null || includeDirs.isEmpty()
                        ? IncludeSource.NONE : new IncludeDirectories(includeDirs)).ingest(repo.name(), progress);
            } finally {
                progress.finish();
            }
            out.printf(Locale.ROOT, "%s: %d revisions (%d new), %d blobs parsed (%d did not parse), "
                            + "%d comparisons stored, %d marked unreachable, in %.2f s%n",
                    s.repository(), s.revisionsSeen(), s.newRevisions(), s.blobsParsed(), s.parseErrors(),
                    s.comparisonsStored(), s.markedUnreachable(), s.took().toMillis() / 1000.0);
            // The name later commands take (they take the location too); derived from the location when new.
            out.printf("Stored as '%s' (from %s): 'uapiguard revisions %s' lists them.%n", repo.name(),
                    repo.location(), repo.name());
            out.flush();
            return 0;
        }
    }

    private Path cacheDir() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String env = System.getenv("UAPIGUARD_HISTORY_CACHE_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : null;
    }

    /** {@code ORIGINAL=COPY} each, {@code none} for no pairs; BAD_INPUT naming a malformed one. */
    static List<Mirror> mirrors(List<String> values) {
        List<Mirror> out = new ArrayList<>();
        for (String value : values) {
            if (value.trim().equals("none")) {
                continue;
            }
            int eq = value.indexOf('=');
            String original = eq < 0 ? null : value.substring(0, eq).trim();
            String copy = eq < 0 ? null : value.substring(eq + 1).trim();
            Mirror.problem(original, copy).ifPresent(problem -> {
                throw new UapiguardException(Reason.BAD_INPUT,
                        "--mirror expects ORIGINAL=COPY or none, got '" + value + "': " + problem);
            });
            out.add(new Mirror(original, copy));
        }
        return out;
    }
}
