package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.git.GitSource;
import io.uapiguard.git.PathGlob;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.include.RevisionIncludes;
import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.IngestStore;
import io.uapiguard.store.IngestStore.ComparisonKey;
import io.uapiguard.store.IngestStore.NewRevision;
import io.uapiguard.store.IngestStore.ParsedBlob;
import io.uapiguard.store.IngestStore.Registered;
import io.uapiguard.store.IngestStore.StoredRevision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Ingests what is new in registered repositories ({@link Registrations} registers them). Each step is its own transaction and idempotent,
 * in an order where every row's references exist first: parse and store blobs, record revisions, store
 * comparisons, then make refs (reachability, tags, first tags) match the walk. A rerun after a crash at any
 * point converges on the state of an uninterrupted run.
 */
public final class Ingester implements HistoryAdmin {

    private static final int BLOB_BATCH = 8;
    /** A revision carries a row per watched header (hundreds for the whole UAPI tree), so batches stay small. */
    static final int REVISION_BATCH = 50;
    private static final int COMPARISON_BATCH = 50;

    private final IngestStore store;
    private final Registrations registrations;
    private final Path cacheDir;
    private final Parser parser;
    private final int parserVersion;
    private final CompatEngine engine;
    private final int engineVersion;
    private final IncludeSource systemIncludes;
    private final int threads;

    /**
     * The front end as the ingest uses it, {@code #include} resolved through {@code includes}; tests substitute
     * their own to test storage independently of it.
     */
    @FunctionalInterface
    interface Parser {
        UapiModel parse(String file, String text, IncludeSource includes);
    }

    /** An ingest whose headers find their includes in their own revision only. */
    public Ingester(DataSource dataSource, Path cacheDir) {
        this(dataSource, cacheDir, IncludeSource.NONE);
    }

    /**
     * An ingest whose headers find their includes in their own revision ({@link RevisionIncludes}), then in
     * {@code systemIncludes} (the service's {@code uapiguard.include-dirs}, the CLI's {@code -I}).
     */
    public Ingester(DataSource dataSource, Path cacheDir, IncludeSource systemIncludes) {
        this(dataSource, cacheDir, (file, text, includes) -> new HeaderParser(includes).parse(file, text),
                HeaderParser.VERSION, CompatEngine.standard(), CompatEngine.VERSION, systemIncludes);
    }

    Ingester(DataSource dataSource, Path cacheDir, Parser parser, int parserVersion, CompatEngine engine) {
        this(dataSource, cacheDir, parser, parserVersion, engine, CompatEngine.VERSION);
    }

    /** {@code engineVersion}: stands for {@link CompatEngine#VERSION}, so tests can play a rule change. */
    Ingester(DataSource dataSource, Path cacheDir, Parser parser, int parserVersion, CompatEngine engine,
             int engineVersion) {
        this(dataSource, cacheDir, parser, parserVersion, engine, engineVersion, IncludeSource.NONE);
    }

    private Ingester(DataSource dataSource, Path cacheDir, Parser parser, int parserVersion, CompatEngine engine,
                     int engineVersion, IncludeSource systemIncludes) {
        this.store = new IngestStore(dataSource);
        this.registrations = new Registrations(store);
        this.cacheDir = cacheDir != null ? cacheDir : GitSource.defaultCacheDir();
        this.parser = parser;
        this.parserVersion = parserVersion;
        this.engine = engine;
        this.engineVersion = engineVersion;
        this.systemIncludes = systemIncludes;
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Registration lives in {@link Registrations}; the admin API registers through this write side. */
    @Override
    public RepositoryInfo register(RepositorySpec spec) {
        return registrations.register(spec);
    }

    // ---- ingest ----

    @Override
    public IngestSummary ingest(String repository) {
        return ingest(repository, IngestListener.NONE);
    }

    public IngestSummary ingest(String repository, IngestListener listener) {
        Registered reg = store.repository(repository)
                .orElseThrow(() -> UapiguardException.unknownRepository(repository));
        return store.withIngestLock(reg.id(),
                () -> listener.waiting("another ingest of " + repository + " is running; waiting for it"),
                () -> run(reg, listener));
    }

    private IngestSummary run(Registered reg, IngestListener listener) {
        Instant start = Instant.now();
        RepositoryInfo info = store.repository(reg.info().name()).orElseThrow().info();
        listener.step("fetch", 0);
        try (Repository repo = GitSource.open(info.location(), cacheDir)) {
            String refState = HistoryWalk.refState(repo, info, parserVersion, engineVersion);
            if (store.refState(reg.id()).filter(refState::equals).isPresent()) {
                int revisions = store.touch(reg.id());
                listener.info(info.name() + ": no new tags or commits");
                return new IngestSummary(info.name(), revisions, 0, 0, 0, 0, 0, Duration.between(start, Instant.now()));
            }
            listener.step("walk", 0);
            HistoryWalk.Result walk = HistoryWalk.walk(repo, info);
            Map<String, StoredRevision> stored = store.revisions(reg.id());
            List<HistoryWalk.Node> fresh = walk.nodes().stream().filter(n -> !stored.containsKey(n.id())).toList();

            Map<String, Map<String, String>> blobsOf = new HashMap<>();
            Map<String, String> pathOfBlob = new LinkedHashMap<>();
            // Where each blob is parsed: the oldest revision holding it, whose tree its #includes are found in.
            Map<String, RevCommit> commitOfBlob = new HashMap<>();
            PathGlob watched = PathGlob.of(info.paths());
            try (ObjectReader reader = repo.newObjectReader()) {
                for (HistoryWalk.Node n : walk.nodes()) {
                    StoredRevision s = stored.get(n.id());
                    Map<String, String> blobs = s != null ? s.blobs() : blobsAt(reader, n.commit(), watched);
                    blobsOf.put(n.id(), blobs);
                    blobs.forEach((path, blob) -> {
                        pathOfBlob.putIfAbsent(blob, path);
                        commitOfBlob.putIfAbsent(blob, n.commit());
                    });
                }
            }

            // 1. Blobs: each distinct one parsed once, by this parser version.
            Set<String> upToDate = store.blobsUpToDate(pathOfBlob.keySet(), parserVersion);
            List<String> toParse = pathOfBlob.keySet().stream().filter(b -> !upToDate.contains(b)).toList();
            Map<String, UapiModel> models = new HashMap<>();
            int parseErrors = parseAndStore(repo, toParse, pathOfBlob, commitOfBlob, models, listener);

            // 2. Revisions.
            recordRevisions(repo, reg.id(), fresh, blobsOf, listener);

            // 3. Comparisons: each revision with its predecessor, each tag with the previous tag; missing ones and
            //    ones an older engine made (from the stored models: a rule change re-parses nothing).
            int comparisons = compare(walk, blobsOf, models, listener);

            // 4. Refs.
            int dropped = updateRefs(reg.id(), walk, stored, refState, listener);
            return new IngestSummary(info.name(), walk.nodes().size(), fresh.size(), toParse.size(), parseErrors,
                    comparisons, dropped, Duration.between(start, Instant.now()));
        } catch (IOException e) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    "cannot read the history of " + info.location() + ": " + GitSource.rootMessage(e), e);
        }
    }

    /** The blob of every watched header at {@code commit}: each file a watched path or glob matches. */
    private static Map<String, String> blobsAt(ObjectReader reader, RevCommit commit, PathGlob watched)
            throws IOException {
        return watched.blobsIn(reader, commit.getTree());
    }

    /** Step 2: the commits new to the store, in batches, each with the blob of every watched path. */
    private void recordRevisions(Repository repo, long repositoryId, List<HistoryWalk.Node> fresh,
                                 Map<String, Map<String, String>> blobsOf, IngestListener listener) throws IOException {
        listener.step("record", fresh.size());
        List<NewRevision> batch = new ArrayList<>();
        int recorded = 0;
        try (RevWalk bodies = new RevWalk(repo)) {
            for (HistoryWalk.Node n : fresh) {
                RevCommit c = bodies.parseCommit(n.commit());
                PersonIdent author = c.getAuthorIdent();
                batch.add(new NewRevision(n.id(), n.depth(), c.getCommitterIdent().getWhenAsInstant(),
                        author.getWhenAsInstant(), author.getName(), author.getEmailAddress(),
                        c.getShortMessage(), n.parents().isEmpty() ? null : n.parents().get(0),
                        blobsOf.get(n.id())));
                if (batch.size() == REVISION_BATCH) {
                    store.storeRevisions(repositoryId, batch);
                    recorded += batch.size();
                    listener.progress(recorded);
                    batch.clear();
                }
            }
        }
        store.storeRevisions(repositoryId, batch);
        listener.progress(fresh.size());
    }

    /**
     * Step 4: each revision's first tag where it changed, revisions no longer reachable marked so, and the ref
     * state recorded; returns how many revisions were dropped.
     */
    private int updateRefs(long repositoryId, HistoryWalk.Result walk, Map<String, StoredRevision> stored,
                           String refState, IngestListener listener) {
        listener.step("refs", 0);
        Map<String, String> firstTags = firstTags(walk);
        Map<String, String> changes = new HashMap<>();
        for (HistoryWalk.Node n : walk.nodes()) {
            StoredRevision s = stored.get(n.id());
            String now = firstTags.get(n.id());
            if (s == null ? now != null : !Objects.equals(s.firstTag(), now)) {
                changes.put(n.id(), now);
            }
        }
        Set<String> reachable = HistoryWalk.ids(walk);
        stored.values().stream().filter(s -> !reachable.contains(s.commitId()) && s.firstTag() != null)
                .forEach(s -> changes.put(s.commitId(), null));
        return store.updateRefs(repositoryId, reachable, walk.tags(), changes, refState);
    }

    /** Parses blobs in parallel, storing each batch in one transaction; returns how many did not parse. */
    private int parseAndStore(Repository repo, List<String> toParse, Map<String, String> pathOfBlob,
                              Map<String, RevCommit> commitOfBlob, Map<String, UapiModel> models,
                              IngestListener listener) {
        listener.step("parse", toParse.size());
        if (toParse.isEmpty()) {
            return 0;
        }
        int errors = 0;
        int done = 0;
        CustomizableThreadFactory parsers = new CustomizableThreadFactory("uapiguard-parse-");
        parsers.setDaemon(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads, parsers);
        // Every parse is queued at once, so the pool keeps parsing while this thread stores finished batches.
        List<Future<ParsedBlob>> futures = new ArrayList<>();
        for (String id : toParse) {
            String path = pathOfBlob.get(id);
            IncludeSource includes = new RevisionIncludes(RevisionIncludes.gitTree(repo, commitOfBlob.get(id).getTree()),
                    systemIncludes);
            futures.add(pool.submit(() -> {
                String text;
                try (ObjectReader reader = repo.newObjectReader()) {
                    text = new String(reader.open(HistoryWalk.id(id), Constants.OBJ_BLOB).getBytes(),
                            StandardCharsets.UTF_8);
                }
                return parse(id, path, text, includes);
            }));
        }
        try {
            List<ParsedBlob> batch = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                ParsedBlob b = get(futures.get(i));
                futures.set(i, null);   // stored below: its text and model need not outlive the batch
                batch.add(b);
                if (b.model() != null) {
                    models.put(b.blobId(), b.model());
                } else {
                    errors++;
                    listener.warn("blob " + b.blobId().substring(0, 12) + " (" + pathOfBlob.get(b.blobId())
                            + ") does not parse: " + b.parseError());
                }
                if (batch.size() == BLOB_BATCH || done + batch.size() == toParse.size()) {
                    store.storeBlobs(batch);
                    done += batch.size();
                    listener.progress(done);
                    batch = new ArrayList<>();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return errors;
    }

    private ParsedBlob parse(String blobId, String path, String text, IncludeSource includes) {
        try {
            return new ParsedBlob(blobId, text, parserVersion, parser.parse(path, text, includes), null);
        } catch (UapiguardException e) {
            return new ParsedBlob(blobId, text, parserVersion, null, e.describe());
        } catch (RuntimeException | StackOverflowError e) {
            return new ParsedBlob(blobId, text, parserVersion, null, path + ": internal parser error: " + e);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UapiguardException(Reason.INTERNAL, "ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new UapiguardException(Reason.INTERNAL, "ingest failed: " + e.getCause(), e.getCause());
        }
    }

    private int compare(HistoryWalk.Result walk, Map<String, Map<String, String>> blobsOf,
                        Map<String, UapiModel> models, IngestListener listener) {
        Set<ComparisonKey> wanted = new LinkedHashSet<>();
        for (HistoryWalk.Node n : walk.nodes()) {
            if (!n.parents().isEmpty()) {
                addPairs(wanted, blobsOf.get(n.parents().get(0)), blobsOf.get(n.id()));
            }
        }
        List<String> tags = walk.tagsInOrder();
        for (int i = 1; i < tags.size(); i++) {
            addPairs(wanted, blobsOf.get(walk.tags().get(tags.get(i - 1))), blobsOf.get(walk.tags().get(tags.get(i))));
        }
        Set<ComparisonKey> stored = store.storedComparisons(wanted, engineVersion);
        List<ComparisonKey> missing = wanted.stream().filter(k -> !stored.contains(k)).toList();
        Set<String> needModels = new LinkedHashSet<>();
        missing.forEach(k -> {
            needModels.add(k.oldBlobId());
            needModels.add(k.newBlobId());
        });
        needModels.removeAll(models.keySet());
        Map<String, UapiModel> all = new HashMap<>(models);
        all.putAll(store.models(needModels));
        List<ComparisonKey> computable = missing.stream()
                .filter(k -> all.containsKey(k.oldBlobId()) && all.containsKey(k.newBlobId())).toList();
        listener.step("compare", computable.size());
        Map<ComparisonKey, Comparison> batch = new LinkedHashMap<>();
        int done = 0;
        for (ComparisonKey k : computable) {
            batch.put(k, engine.compare(all.get(k.oldBlobId()), all.get(k.newBlobId()), k.path()));
            if (batch.size() == COMPARISON_BATCH) {
                store.storeComparisons(batch, engineVersion);
                done += batch.size();
                listener.progress(done);
                batch.clear();
            }
        }
        store.storeComparisons(batch, engineVersion);
        listener.progress(computable.size());
        return computable.size();
    }

    private static void addPairs(Set<ComparisonKey> wanted, Map<String, String> older, Map<String, String> newer) {
        if (older == null || newer == null) {
            return;
        }
        newer.forEach((path, blob) -> {
            String old = older.get(path);
            if (old != null && !old.equals(blob)) {
                wanted.add(new ComparisonKey(old, blob, path));
            }
        });
    }

    /**
     * The oldest tag (release order) containing each revision. Once a revision is claimed by a tag, so are all its
     * ancestors, so each later tag's search stops at claimed revisions and the whole pass is linear.
     */
    static Map<String, String> firstTags(HistoryWalk.Result walk) {
        Map<String, HistoryWalk.Node> byId = walk.byId();
        Map<String, String> first = new HashMap<>();
        for (String tag : walk.tagsInOrder()) {
            Deque<String> todo = new ArrayDeque<>();
            todo.push(walk.tags().get(tag));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (first.containsKey(id)) {
                    continue;
                }
                first.put(id, tag);
                HistoryWalk.Node n = byId.get(id);
                if (n != null) {
                    n.parents().forEach(todo::push);
                }
            }
        }
        return first;
    }
}
