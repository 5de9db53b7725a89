package io.uapiguard.api;

import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.TreeJudge;
import io.uapiguard.git.PathGlob;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.lex.TextChange;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import io.uapiguard.output.RenderContext;
import io.uapiguard.patch.HeaderPatcher;
import io.uapiguard.patch.LineMap;
import io.uapiguard.policy.Policy;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.ModelCache;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Checks a candidate against a stored base: the base models come from the store (parsed once at ingest, cached
 * there), the candidate ({@link CandidateTree}) is parsed per request, from the posted header or from the base texts
 * with the patch applied to each watched header it touches; {@link TreeJudge} judges them as one result, with the
 * header copies ({@link Mirror}) the change must keep in sync.
 */
@Service
public class CheckService {

    /**
     * What was checked and what came out. {@code path}: the posted header's, or the first header a patch changed
     * (the asked or primary path when it changed none); {@code comparison} lists every judged header;
     * {@code digest} names the request (identical requests share it, see {@link #digest}); the candidate's text of
     * {@code path} and the base's (read when first asked for) are for the stored check's excerpts.
     */
    public record Outcome(String repository, String path, RevisionInfo base, String baseLabel, Comparison comparison,
                          String digest, String candidateText, Supplier<String> baseText) {
    }

    /** How a posted policy is named in its errors. */
    static final String POLICY_FILE = "policy (.uapiguard.yml)";
    /** A policy is a few acceptances: bounded so that reading one stays cheap on a check's worker. */
    static final int MAX_POLICY_CHARS = 64 * 1024;

    private final HistoryQueries queries;
    private final Resolutions resolutions;
    private final ModelCache models;
    private final HeaderParser parser;
    private final IncludeSource includes;
    private final TreeJudge judge;
    private final CompatEngine engine;
    private final Consumers catalogue;
    private final HeaderPatcher patcher;

    /**
     * {@code includes}: where a candidate's {@code #include} is looked up after its own tree (the changed headers,
     * then the base's stored ones): {@code uapiguard.include-dirs}, as at ingest.
     */
    CheckService(HistoryQueries queries, Resolutions resolutions, ModelCache models, HeaderParser parser,
                 IncludeSource includes, CompatEngine engine, HeaderPatcher patcher) {
        this.queries = queries;
        this.resolutions = resolutions;
        this.models = models;
        this.parser = parser;
        this.includes = includes;
        this.engine = engine;
        // One judge with the catalogue's consumers for every check: they keep what they made of the last texts seen
        // (the bases checked against), so a check reads only what its candidate changed.
        this.catalogue = new Consumers(Policy.catalogue());
        this.judge = new TreeJudge(engine, LineMap::between, List.of(catalogue));
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
        checkWatched(repository, request.path());
        RevisionInfo base = resolutions.resolve(repository.name(), request.base()).orElseThrow(() ->
                revisionNotFound(repository.name(), request.base()));
        String path = path(repository, request.path(), base.blobs().keySet());
        StoredTree baseTree = new StoredTree(models, repository.name(), base, label(base));
        // A posted header is judged at its path; a patch at every watched header it touches (only the asked path's
        // when the request names one).
        CandidateTree candidate = request.header() != null
                ? CandidateTree.posted(baseTree, parser, includes, path, request.header().chars())
                : CandidateTree.patched(baseTree, parser, includes, patcher,
                        blank(request.path()) ? repository.watched() : PathGlob.of(List.of(path)), request.patch());
        Set<String> headers = new TreeSet<>(base.blobs().keySet());
        headers.addAll(candidate.changed());
        // The catalogue's consumers of the text, and the posted policy's own beside them.
        TreeJudge withConsumers = policy == null || policy.consumers().isEmpty() ? judge
                : new TreeJudge(engine, LineMap::between, List.of(catalogue, new Consumers(policy.consumers())));
        Comparison comparison = withConsumers.judge(baseTree, candidate, candidate.changed(),
                mirrors(repository, policy, headers));
        if (policy != null) {
            comparison = policy.apply(comparison, LocalDate.now(ZoneOffset.UTC));
        }
        String judged = request.header() != null || candidate.changed().isEmpty() ? path : candidate.changed().get(0);
        String candidateText = candidate.text(judged).orElse("");
        Supplier<String> baseText = memoized(() -> baseTree.text(judged).orElse(""));
        String digest = request.header() != null
                ? digest(repository.name(), base.commitId(), path, request.policy(), baseText.get(), candidateText)
                : digest(repository.name(), base.commitId(), path, request.policy(), request.patch());
        return new Outcome(repository.name(), judged, base, label(base), comparison, digest, candidateText, baseText);
    }

    /**
     * The SHA-256 (hex) of what decides the answer to a posted header: the engine and JSON versions, the repository,
     * the base commit, the path, the policy and the header, each length-prefixed. The header is hashed as the change
     * from the base's text of the path ({@code baseText}, empty when it has none: the base commit and the path name it)
     * to it, which names it as well: its hunks are a few KB where the whole text is 300 KB, and the check found that
     * change already ({@link TextChange#between(String, String)}).
     */
    static String digest(String repository, String baseCommit, String path, String policy, String baseText,
                         String header) {
        MessageDigest sha = request(repository, baseCommit, path, policy);
        TextChange change = TextChange.between(baseText, header);
        update(sha, "header as " + change.size() + " hunks of the base's");
        for (int i = 0; i < change.size(); i++) {
            update(sha, change.oldFrom(i) + "-" + change.oldTo(i));
            update(sha, header.substring(change.newFrom(i), change.newTo(i)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** {@link #digest(String, String, String, String, String, String)} of a posted patch (or series). */
    static String digest(String repository, String baseCommit, String path, String policy, String patch) {
        MessageDigest sha = request(repository, baseCommit, path, policy);
        update(sha, "patch");
        update(sha, patch);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest request(String repository, String baseCommit, String path, String policy) {
        MessageDigest sha = sha256();
        update(sha, "uapiguard-check/" + CompatEngine.VERSION + "/" + Comparison.SCHEMA_VERSION);
        update(sha, repository);
        update(sha, baseCommit);
        update(sha, path);
        update(sha, policy == null ? "no policy" : "policy:" + policy);
        return sha;
    }

    private static void update(MessageDigest sha, String text) {
        update(sha, text.toCharArray());
    }

    /**
     * The length, then each UTF-16 unit as UTF-8 writes a code point of its value (so a lone surrogate too, and no
     * two texts alike), through one small buffer: a header is ASCII, one byte a character, and SHA-256's time is
     * proportional to the bytes (0.2 ms for the newest bpf.h). The buffer is no larger than the text needs: a
     * check hashes dozens of short hunks, and a 16 KB buffer each was most of the digest's allocation.
     */
    private static void update(MessageDigest sha, char[] text) {
        byte[] chunk = new byte[(int) Math.min(16 * 1024, Integer.BYTES + 3L * text.length)];
        for (int shift = 24, i = 0; shift >= 0; shift -= 8, i++) {
            chunk[i] = (byte) (text.length >>> shift);
        }
        int filled = Integer.BYTES;
        for (char c : text) {
            if (filled > chunk.length - 3) {
                sha.update(chunk, 0, filled);
                filled = 0;
            }
            if (c < 0x80) {
                chunk[filled++] = (byte) c;
            } else if (c < 0x800) {
                chunk[filled++] = (byte) (0xC0 | c >>> 6);
                chunk[filled++] = (byte) (0x80 | c & 0x3F);
            } else {
                chunk[filled++] = (byte) (0xE0 | c >>> 12);
                chunk[filled++] = (byte) (0x80 | c >>> 6 & 0x3F);
                chunk[filled++] = (byte) (0x80 | c & 0x3F);
            }
        }
        sha.update(chunk, 0, filled);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Supplier<String> memoized(Supplier<String> read) {
        return new Supplier<>() {
            private String text;

            @Override
            public String get() {
                if (text == null) {
                    text = read.get();
                }
                return text;
            }
        };
    }

    /**
     * The file pairs to keep in sync among the {@code headers} of the checked tree: the posted policy's mirrors, else
     * the registered ones, else the default.
     */
    static List<Mirror> mirrors(RepositoryInfo repository, Policy policy, Collection<String> headers) {
        List<Mirror> mirrors = policy != null && policy.mirrors().isPresent() ? policy.mirrors().get()
                : repository.mirrors() != null ? repository.mirrors() : List.of(Mirror.KERNEL_TOOLS);
        return Mirror.filePairs(mirrors, headers);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
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

    /**
     * The header a request is about: {@code path} (which the caller has passed through {@link #checkWatched} before
     * resolving the revision, so that a bad path is reported first), else the primary one among the headers
     * {@code present} at the revision ({@link RepositoryInfo#primaryPath}).
     */
    static String path(RepositoryInfo repository, String path, Collection<String> present) {
        return blank(path) ? repository.primaryPath(present) : path;
    }

    /** BAD_INPUT when {@code path} is named and the repository does not watch it (no path or glob matches it). */
    static void checkWatched(RepositoryInfo repository, String path) {
        if (!blank(path) && !repository.watches(path)) {
            throw new UapiguardException(Reason.BAD_INPUT, "repository '" + repository.name() + "' does not watch "
                    + quote(path) + "; it watches " + String.join(", ", repository.paths()));
        }
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
        return new StoredTree(models, repository, base, label(base)).model(path);
    }

    /** The first tag on the revision, else the abbreviated commit id. */
    static String label(RevisionInfo revision) {
        if (!revision.tags().isEmpty()) {
            return revision.tags().get(0);
        }
        return revision.commitId().substring(0, Math.min(12, revision.commitId().length()));
    }
}
