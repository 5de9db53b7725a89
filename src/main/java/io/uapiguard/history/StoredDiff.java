package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.Comparison;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.JdbcHistoryQueries;
import javax.sql.DataSource;

/** {@code uapiguard diff --tags A B --repo NAME}: the comparison of two stored revisions, read from the store. */
public final class StoredDiff {

    private StoredDiff() {
    }

    /** Compares {@code a} with {@code b} (tags or commit ids) on the repository's first header path. */
    public static Comparison compare(DataSource dataSource, String repository, String a, String b) {
        HistoryQueries queries = new JdbcHistoryQueries(dataSource);
        String path = queries.repository(repository)
                .orElseThrow(() -> UapiguardException.unknownRepository(repository)).paths().get(0);
        return compare(queries, repository, a, b, path);
    }

    /** Compares {@code a} with {@code b} (tags or commit ids) on {@code path}. */
    private static Comparison compare(HistoryQueries queries, String repository, String a, String b, String path) {
        RevisionInfo old = resolve(queries, repository, a);
        RevisionInfo now = resolve(queries, repository, b);
        return queries.comparison(repository, old.commitId(), now.commitId(), path);
    }

    private static RevisionInfo resolve(HistoryQueries queries, String repository, String revision) {
        return queries.resolve(repository, revision).orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND,
                "no tag or recorded revision '" + revision + "' in " + repository
                        + " (run 'uapiguard ingest " + repository + "' first?)"));
    }
}
