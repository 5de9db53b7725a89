package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.model.UapiModel;
import io.uapiguard.patch.LineMap;
import io.uapiguard.policy.Policy;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.JdbcHistoryQueries;
import io.uapiguard.store.ModelCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    /** Stored texts and models for the consumers' walk: a tag page seen again reads nothing from the database. */
    private final ModelCache models;
    /** The catalogue's consumers of the text, run over stored revisions for the report (they keep the last texts). */
    private final Consumers consumers = new Consumers(Policy.catalogue());

    /** A revision and the consumers of the header's text that its change broke ({@code consumer.extraction-changed}). */
    public record BrokenConsumers(String commitId, String subject, List<Finding> findings) {

        public BrokenConsumers {
            findings = List.copyOf(findings);
        }
    }

    /** How many stored models a cache of its own keeps (one made by {@link #over}, the CLI's). */
    private static final int OWN_CACHED_MODELS = 16;

    /** With a cache of its own for the texts and models the consumers' walk reads. */
    public StoredComparisons(HistoryQueries queries, CompatEngine engine) {
        this(queries, engine, new ModelCache(queries, OWN_CACHED_MODELS));
    }

    /** With {@code models}, the service's cache of stored texts and models, shared with its checks and report. */
    public StoredComparisons(HistoryQueries queries, CompatEngine engine, ModelCache models) {
        this.queries = queries;
        this.engine = engine;
        this.models = models;
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
     * {@link #comparison}, each removal placed where its text left the newer revision's header (its line there, its
     * old line kept: {@link Comparison#placeRemovals}), as a check places them; left at its old line when either text
     * is not stored. The texts come through the cache a check's base and the tag page's walk read them through.
     */
    public Comparison placedComparison(String repository, String oldCommitId, String newCommitId, String path) {
        return comparison(repository, oldCommitId, newCommitId, path)
                .placeRemovals(() -> models.text(repository, oldCommitId, path)
                        .flatMap(was -> models.text(repository, newCommitId, path)
                                .map(is -> LineMap.between(was, is)))
                        .orElse(null));
    }

    /**
     * What a comparison of two stored revisions judged, header by header, and the headers it could not judge:
     * {@code problems} names each (path, revision and why: it did not parse at ingest).
     */
    public record TreeComparison(Comparison comparison, List<String> problems) {
    }

    /**
     * Each recorded revision after {@code fromCommitId} (null: from the first) up to {@code toCommitId} that changed
     * {@code path}, with the catalogue's consumers of the text that its change broke, judged against the revision of
     * {@code path} before it; the revisions that broke none are left out. Over the stored texts and models, in
     * history order, so each consumer reads only what each change touched.
     */
    public List<BrokenConsumers> brokenConsumers(String repository, String fromCommitId, String toCommitId,
                                                 String path) {
        List<RevisionInfo> oldestFirst = new ArrayList<>(queries.revisions(repository));
        Collections.reverse(oldestFirst);
        int from = -1;
        int to = -1;
        for (int i = 0; i < oldestFirst.size(); i++) {
            String id = oldestFirst.get(i).commitId();
            if (id.equals(fromCommitId)) {
                from = i;
            }
            if (id.equals(toCommitId)) {
                to = i;
            }
        }
        List<BrokenConsumers> out = new ArrayList<>();
        String blob = null;
        Consumers.Text text = null;
        UapiModel model = null;
        for (int i = Math.max(from, 0); i <= to; i++) {
            RevisionInfo r = oldestFirst.get(i);
            String b = r.blobs().get(path);
            if (!r.reachable() || b == null || b.equals(blob)) {
                continue;
            }
            Optional<String> t = models.text(repository, r.commitId(), path);
            Optional<UapiModel> m = t.isEmpty() ? Optional.empty() : models.model(repository, r.commitId(), path);
            Consumers.Text now = m.isPresent() ? Consumers.Text.of(t.get()) : null;   // did not parse: nothing to judge
            if (now != null && text != null) {
                Comparison c = engine.compareConsumers(consumers, text, model, now, m.get(), path);
                if (!c.findings().isEmpty()) {
                    out.add(new BrokenConsumers(r.commitId(), r.subject(), c.findings()));
                }
            }
            blob = b;
            text = now;   // the same object, so the consumers find what they read of it by identity
            model = m.orElse(null);
        }
        return out;
    }

    /**
     * {@code uapiguard diff --tags A B --repo NAME}: every watched header that differs between {@code a} and
     * {@code b} (tags or commit ids), each judged on its own (removals placed in the newer header), a header on one
     * side only as added or removed. The result lists the judged headers; none (not-applicable) when the two
     * revisions hold the same headers. A changed header that did not parse on either side is not judged:
     * {@code problems} names it.
     */
    public TreeComparison compare(String repository, String a, String b) {
        return compare(repository, resolve(repository, a), resolve(repository, b), null);
    }

    /** {@link #compare(String, String, String)} of two resolved revisions, of the headers in {@code only} (null: all). */
    public TreeComparison compare(String repository, RevisionInfo old, RevisionInfo now, Set<String> only) {
        Set<String> paths = new TreeSet<>(old.blobs().keySet());
        paths.addAll(now.blobs().keySet());
        if (only != null) {
            paths.retainAll(only);
        }
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
                    findings.addAll(placedComparison(repository, old.commitId(), now.commitId(), path).findings());
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
