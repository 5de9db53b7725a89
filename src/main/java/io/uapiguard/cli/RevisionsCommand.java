package io.uapiguard.cli;

import io.uapiguard.history.Registrations;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.store.Database;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.JdbcHistoryQueries;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists the recorded revisions of a repository, newest first. */
@Command(name = "revisions",
        description = "List the recorded header revisions of a repository, newest first.")
final class RevisionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPO",
            description = "A registered repository: its name, or the path, bundle or URL it was ingested from.")
    String repository;

    @Option(names = "--all", description = "Also list revisions no longer reachable (force-pushed away).")
    boolean all;

    @Option(names = "--tags-only", description = "Only revisions that carry a tag.")
    boolean tagsOnly;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (Database db = database.open()) {
            String name = new Registrations(db.dataSource()).resolve(repository).name();
            List<RevisionInfo> revisions = new JdbcHistoryQueries(db.dataSource(), CompatEngine.VERSION).revisions(name);
            for (RevisionInfo r : revisions) {
                if ((!all && !r.reachable()) || (tagsOnly && r.tags().isEmpty())) {
                    continue;
                }
                out.println(r.commitId().substring(0, 12) + "  " + DATE.format(r.committedAt()) + "  "
                        + (r.tags().isEmpty() ? "" : "(" + String.join(", ", r.tags()) + ") ")
                        + (r.reachable() ? "" : "[unreachable] ") + r.subject());
            }
            out.flush();
            return 0;
        }
    }
}
