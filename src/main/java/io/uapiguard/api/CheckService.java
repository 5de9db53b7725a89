package io.uapiguard.api;

import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import io.uapiguard.output.RenderContext;
import io.uapiguard.patch.HeaderPatcher;
import io.uapiguard.patch.LineMap;
import io.uapiguard.policy.Policy;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.ModelCache;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Checks a candidate against a stored base: the base model comes from the store (parsed once at ingest, cached
 * here), the candidate is parsed per request, from the posted header or from the base text with the patch applied.
 */
@Service
public class CheckService {

    /** What was checked and what came out. */
    public record Outcome(String repository, String path, RevisionInfo base, String baseLabel, Comparison comparison) {
    }

    /** How a posted policy is named in its errors. */
    static final String POLICY_FILE = "policy (.uapiguard.yml)";
    /** A policy is a few acceptances: bounded so that reading one stays cheap on a check's worker. */
    static final int MAX_POLICY_CHARS = 64 * 1024;

    private final HistoryQueries queries;
    private final Resolutions resolutions;
    private final ModelCache models;
    private final HeaderParser parser;
    private final CompatEngine engine;
    private final HeaderPatcher patcher;

    CheckService(HistoryQueries queries, Resolutions resolutions, ModelCache models, HeaderParser parser,
                 CompatEngine engine, HeaderPatcher patcher) {
        this.queries = queries;
        this.resolutions = resolutions;
        this.models = models;
        this.parser = parser;
        this.engine = engine;
        this.patcher = patcher;
    }

    public Outcome check(CheckRequest request) {
        if (request == null || request.repository() == null || request.repository().isBlank()) {
            throw new UapiguardException(Reason.BAD_INPUT, "'repository' is required");
        }
        if ((request.header() == null) == (request.patch() == null)) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    "give exactly one of 'header' (the full candidate header) and 'patch' (a diff or patch series)");
        }
        // A malformed policy is the caller's to fix before anything is parsed.
        Policy policy = request.policy() == null ? null : policy(request.policy());
        RepositoryInfo repository = resolutions.repository(request.repository()).orElseThrow(() ->
                UapiguardException.unknownRepository(request.repository()));
        String path = path(repository, request.path());
        RevisionInfo base = resolutions.resolve(repository.name(), request.base()).orElseThrow(() ->
                revisionNotFound(repository.name(), request.base()));
        UapiModel baseModel = baseModel(repository.name(), base, path);
        UapiModel candidateModel;
        String baseText = null;   // both texts, for placing removals; a posted header's base is read only if needed
        String candidateText = null;
        if (request.header() != null) {
            candidateModel = parser.parse(path, request.header().chars());
        } else {
            baseText = queries.headerText(repository.name(), base.commitId(), path)
                    .orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND,
                            path + " is not stored at " + label(base)));
            candidateText = patcher.apply(path, baseText, request.patch());
            candidateModel = parser.parse(path, candidateText);
        }
        Comparison comparison = engine.compare(baseModel, candidateModel, path)
                .placeRemovals(lineMap(repository.name(), base, path, baseText, candidateText, request));
        if (policy != null) {
            comparison = policy.apply(comparison, LocalDate.now(ZoneOffset.UTC));
        }
        return new Outcome(repository.name(), path, base, label(base), comparison);
    }

    /** What {@code outcome} compared, as SARIF names it (automation id, base revision). */
    RenderContext.Source source(Outcome outcome) {
        return source(resolutions.repository(outcome.repository()).orElseThrow(), outcome.path(), outcome.base());
    }

    /** The repository's location is shown only when it is a URL: a path on the server is nobody's business. */
    static RenderContext.Source source(RepositoryInfo repository, String path, RevisionInfo base) {
        String location = repository.shown().location();
        boolean url = location.matches("(?i)(https?|ssh|git)://.+");
        return new RenderContext.Source(repository.name(), path, url ? location : null, base.commitId());
    }

    /** Where removals land in the candidate: a line diff of the base and the candidate, made only when asked. */
    private Supplier<LineMap> lineMap(String repository, RevisionInfo base, String path, String baseText,
                                      String candidateText, CheckRequest request) {
        return () -> {
            String old = baseText != null ? baseText : queries.headerText(repository, base.commitId(), path).orElse(null);
            String now = candidateText != null ? candidateText : new String(request.header().chars());
            return old == null ? null : LineMap.between(old, now);
        };
    }

    private static Policy policy(String text) {
        if (text.length() > MAX_POLICY_CHARS) {
            throw new UapiguardException(Reason.LIMIT_EXCEEDED, "the policy is " + text.length()
                    + " characters; at most " + MAX_POLICY_CHARS + " are read");
        }
        return Policy.parse(POLICY_FILE, text);
    }

    RepositoryInfo repository(String name) {
        return queries.repository(name).orElseThrow(() -> UapiguardException.unknownRepository(name));
    }

    static String path(RepositoryInfo repository, String path) {
        if (path == null || path.isBlank()) {
            return repository.paths().get(0);
        }
        if (!repository.paths().contains(path)) {
            throw new UapiguardException(Reason.BAD_INPUT, "repository '" + repository.name() + "' does not watch "
                    + quote(path) + "; it watches " + String.join(", ", repository.paths()));
        }
        return path;
    }

    RevisionInfo revision(String repository, String revision) {
        return queries.resolve(repository, revision).orElseThrow(() -> revisionNotFound(repository, revision));
    }

    private static UapiguardException revisionNotFound(String repository, String revision) {
        return new UapiguardException(Reason.NOT_FOUND, revision == null
                ? "repository '" + repository + "' has no ingested revision yet"
                : "no tag or commit " + quote(revision) + " in repository '" + repository + "'");
    }

    UapiModel baseModel(String repository, RevisionInfo base, String path) {
        return models.model(repository, base.commitId(), path).orElseThrow(() -> new UapiguardException(
                Reason.PARSE_ERROR, "the stored header " + path + " at " + label(base)
                        + " has no model (absent there, or it did not parse at ingest); choose another base"));
    }

    /** The first tag on the revision, else the abbreviated commit id. */
    static String label(RevisionInfo revision) {
        if (!revision.tags().isEmpty()) {
            return revision.tags().get(0);
        }
        return revision.commitId().substring(0, Math.min(12, revision.commitId().length()));
    }
}
