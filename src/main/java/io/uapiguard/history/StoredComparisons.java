package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.JdbcHistoryQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * What a comparison of two stored revisions judged, header by header, and the headers it could not judge:
     * {@code problems} names each (path, revision and why: it did not parse at ingest).
     */
    public record TreeComparison(Comparison comparison, List<String> problems) {
    }

    /**
     * {@code uapiguard diff --tags A B --repo NAME}: every watched header that differs between {@code a} and
     * {@code b} (tags or commit ids), each judged on its own, a header on one side only as added or removed. The
     * result lists the judged headers; none (not-applicable) when the two revisions hold the same headers.
     */
    public TreeComparison compare(String repository, String a, String b) {
        RevisionInfo old = resolve(repository, a);
        RevisionInfo now = resolve(repository, b);
        Set<String> paths = new TreeSet<>(old.blobs().keySet());
        paths.addAll(now.blobs().keySet());
        List<Finding> findings = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            String oldBlob = old.blobs().get(path);
            String newBlob = now.blobs().get(path);
            if (Objects.equals(oldBlob, newBlob)) {
                continue;
            }
            if (oldBlob == null) {
                findings.addAll(engine.headerAdded(path, queries.model(repository, now.commitId(), path).orElse(null))
                        .findings());
            } else if (newBlob == null) {
                findings.addAll(engine.headerRemoved(path, queries.model(repository, old.commitId(), path)
                        .orElse(null)).findings());
            } else {
                try {
                    findings.addAll(comparison(repository, old.commitId(), now.commitId(), path).findings());
                } catch (UapiguardException e) {
                    if (e.reason() != Reason.PARSE_ERROR) {
                        throw e;
                    }
                    problems.add(e.getMessage());
                    continue;
                }
            }
            judged.add(path);
        }
        return new TreeComparison(new Comparison(findings, judged), problems);
    }

    private RevisionInfo resolve(String repository, String revision) {
        return queries.resolve(repository, revision).orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND,
                "no tag or recorded revision '" + revision + "' in " + repository
                        + " (run 'uapiguard ingest " + repository + "' first?)"));
    }
}
