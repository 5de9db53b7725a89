package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.JdbcHistoryQueries;
import javax.sql.DataSource;

/**
 * The comparison of two stored revisions, for the API, the report and {@code uapiguard diff --tags}: the stored one
 * when ingest computed it with the current {@link CompatEngine#VERSION}, else (none stored, or stale after a rule
 * change) computed now from the stored models. The store only reads; recomputing is this service's business.
 */
public final class StoredComparisons {

    private final HistoryQueries queries;
    private final CompatEngine engine;

    public StoredComparisons(HistoryQueries queries, CompatEngine engine) {
        this.queries = queries;
        this.engine = engine;
    }

    /** Over the store at {@code dataSource}, with the standard engine (the CLI's). */
    public static StoredComparisons over(DataSource dataSource) {
        return new StoredComparisons(new JdbcHistoryQueries(dataSource, CompatEngine.VERSION), CompatEngine.standard());
    }

    /** The comparison of {@code path} between two recorded commits. */
    public Comparison comparison(String repository, String oldCommitId, String newCommitId, String path) {
        return queries.storedComparison(repository, oldCommitId, newCommitId, path).orElseGet(() -> engine.compare(
                queries.parsedModel(repository, oldCommitId, path), queries.parsedModel(repository, newCommitId, path),
                path));
    }

    /** {@code uapiguard diff --tags A B --repo NAME}: {@code a} with {@code b} (tags or commit ids) on its first path. */
    public Comparison compare(String repository, String a, String b) {
        String path = queries.repository(repository)
                .orElseThrow(() -> UapiguardException.unknownRepository(repository)).paths().get(0);
        RevisionInfo old = resolve(repository, a);
        RevisionInfo now = resolve(repository, b);
        return comparison(repository, old.commitId(), now.commitId(), path);
    }

    private RevisionInfo resolve(String repository, String revision) {
        return queries.resolve(repository, revision).orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND,
                "no tag or recorded revision '" + revision + "' in " + repository
                        + " (run 'uapiguard ingest " + repository + "' first?)"));
    }
}
