package io.uapiguard.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.cli.UapiguardCommand;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Finding;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.store.HistoryQueries.HeaderVerdict;
import io.uapiguard.store.HistoryQueries.TagInfo;
import io.uapiguard.store.JdbcHistoryQueries;
import io.uapiguard.store.TableDump;
import io.uapiguard.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest of thirteen real UAPI headers together ({@code libbpf-uapi-headers.bundle}, 565 commits, 50 tags) with
 * the real front end, watching every header under {@code include/uapi/}: every header of every revision recorded
 * with its blob, each distinct blob parsed exactly once (counted by the parser itself), each one a model or a
 * parse error naming its file and line, incremental (a second ingest does nothing), and {@code diff --tags} judging
 * header by header. The whole history is ingested once for the class; what it expects is read from git directly.
 */
@Execution(ExecutionMode.CONCURRENT)
class IngestHeadersCorpusTest {

    private static final String NAME = "libbpf-uapi-headers";

    @TempDir
    static Path tmp;

    private static Corpus corpus;
    private static TestDatabase.Fresh db;
    private static IngestSummary summary;
    private static Map<String, List<String>> dump;
    /** How often the front end was handed each text, by git blob id. */
    private static final Map<String, AtomicInteger> parses = new ConcurrentHashMap<>();
    /** Commit id → path → blob id of every file under include/uapi/, on every commit of master (read from git). */
    private static Map<String, Map<String, String>> expected;

    @BeforeAll
    static void ingestOnce() throws Exception {
        corpus = Corpus.requireHeaders();
        expected = filesOnMaster(corpus.repository());
        db = TestDatabase.get().create("headers_ref");
        Ingester ingester = new Ingester(db.dataSource(), tmp.resolve("cache"), (path, text, includes) -> {
            parses.computeIfAbsent(blobId(text), k -> new AtomicInteger()).incrementAndGet();
            return new HeaderParser(includes).parse(path, text);
        }, HeaderParser.VERSION, CompatEngine.standard());
        // Registered with the defaults: every header under include/uapi/.
        ingester.register(new RepositorySpec(NAME, corpus.bundle().toString(), null, null, null));
        long start = System.nanoTime();
        summary = ingester.ingest(NAME);
        System.out.printf("IngestHeadersCorpusTest: %s in %d ms%n", summary, (System.nanoTime() - start) / 1_000_000);
        dump = TableDump.of(db.jdbc());
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    private static Map<String, Map<String, String>> filesOnMaster(Repository repo) throws Exception {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/master")));
            for (RevCommit c : walk) {
                Map<String, String> files = new TreeMap<>();
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(c.getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        if (tree.getPathString().startsWith("include/uapi/")) {
                            files.put(tree.getPathString(), tree.getObjectId(0).name());
                        }
                    }
                }
                out.put(c.name(), files);
            }
        }
        return out;
    }

    private static String blobId(String text) {
        try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
            return f.idFor(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8)).name();
        }
    }

    private static int count(String sql) {
        return db.jdbc().sql(sql).query(Integer.class).single();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void everyHeaderOfEveryRevisionIsRecordedAndEachDistinctBlobParsedExactlyOnce() {
        Set<String> blobs = expected.values().stream().flatMap(m -> m.values().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).hasSize(565);
        assertThat(expected.values().stream().flatMap(m -> m.keySet().stream()).distinct()).hasSize(13);

        assertThat(summary.revisionsSeen()).isEqualTo(565);
        assertThat(summary.newRevisions()).isEqualTo(565);
        assertThat(summary.blobsParsed()).isEqualTo(blobs.size());
        assertThat(count("SELECT count(*) FROM tags")).isEqualTo(50);
        assertThat(db.jdbc().sql("SELECT paths::text FROM repositories").query(String.class).single())
                .isEqualTo("{include/uapi/**/*.h}");
        assertThat(parses.keySet()).as("the texts handed to the front end are the distinct blobs").isEqualTo(blobs);
        assertThat(parses.entrySet().stream().filter(e -> e.getValue().get() != 1).map(Map.Entry::getKey))
                .as("blobs parsed more than once").isEmpty();

        Map<String, Map<String, String>> stored = new HashMap<>();
        db.jdbc().sql("SELECT commit_id, path, blob_id FROM revision_paths").query(rs -> {
            stored.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
        });
        assertThat(stored).as("every header of every revision, with its blob").isEqualTo(expected);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void eachBlobIsAModelOrAParseErrorNamingItsHeaderAndLine() {
        record Gap(String path, String error) {
        }
        List<Gap> gaps = db.jdbc().sql("""
                SELECT min(rp.path), b.parse_error FROM blobs b JOIN revision_paths rp USING (blob_id)
                WHERE b.model IS NULL GROUP BY b.blob_id, b.parse_error ORDER BY 1, 2""")
                .query((rs, n) -> new Gap(rs.getString(1), rs.getString(2))).list();
        assertThat(count("SELECT count(*) FROM blobs WHERE (model IS NULL) = (parse_error IS NULL)")).isZero();
        assertThat(gaps).allSatisfy(g -> assertThat(g.error())
                .as("a gap names its header and line").startsWith(g.path() + ":")
                .matches("\\S+\\.h:\\d+(:\\d+)?: .+"));
        // The figure for the record: which headers are not modelled yet, and why.
        Map<String, Long> byHeader = gaps.stream().collect(Collectors.groupingBy(Gap::path, TreeMap::new,
                Collectors.counting()));
        System.out.printf("IngestHeadersCorpusTest: %d of %d blobs not modelled: %s%n", gaps.size(),
                count("SELECT count(*) FROM blobs"), byHeader);
        gaps.stream().map(g -> g.error().replaceAll("\\d+", "N")).distinct().limit(20)
                .forEach(e -> System.out.println("  " + e));
        // And what the models that did parse could not take in (model.gaps), by header and element.
        db.jdbc().sql("""
                SELECT min(rp.path) AS header, g->>'element' AS element, g->>'why' AS why, count(DISTINCT b.blob_id)
                FROM blobs b JOIN revision_paths rp USING (blob_id), jsonb_array_elements(b.model->'gaps') g
                GROUP BY rp.path, g->>'element', g->>'why' ORDER BY 1, 2""")
                .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2) + " (" + rs.getString(3) + ") in "
                        + rs.getInt(4) + " blobs").list()
                .forEach(line -> System.out.println("  gap " + line));
    }

    /**
     * Includes are followed through the revision's own tree: no model has a gap for a file that tree holds, and
     * struct tc_ratespec, which pkt_cls.h takes from pkt_sched.h, is found (it made every pkt_cls.h since 2021 fail
     * when includes were not followed).
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void includesAreFoundInTheRevisionsOwnTreeAndOnlyFilesItLacksAreGaps() {
        record Missing(String blob, String commit, String element) {
        }
        // Each blob was parsed in the oldest revision that holds it (the history is linear: least depth).
        List<Missing> missing = db.jdbc().sql("""
                SELECT o.blob_id, o.commit_id, g->>'element'
                FROM (SELECT DISTINCT ON (rp.blob_id) rp.blob_id, rp.commit_id FROM revision_paths rp
                      JOIN revisions r ON r.repository_id = rp.repository_id AND r.commit_id = rp.commit_id
                      ORDER BY rp.blob_id, r.depth) o
                JOIN blobs b ON b.blob_id = o.blob_id, jsonb_array_elements(b.model->'gaps') g
                WHERE g->>'why' = 'included file not found'""")
                .query((rs, n) -> new Missing(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(missing).as("models with an include not found").isNotEmpty();
        assertThat(missing).allSatisfy(m -> {
            String name = m.element().replaceAll("^#include [<\"](.*)[>\"]$", "$1");
            assertThat(expected.get(m.commit())).as("%s at %s", m.element(), m.commit())
                    .doesNotContainKey("include/uapi/" + name);
        });
        assertThat(missing.stream().map(Missing::element).distinct()).as("linux/types.h is not in the bundle")
                .contains("#include <linux/types.h>");
        assertThat(db.jdbc().sql("SELECT parse_error FROM blobs WHERE parse_error IS NOT NULL").query(String.class)
                .list()).noneMatch(e -> e.contains("tc_ratespec"));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void everyChangedHeaderWhoseTwoSidesParsedHasItsComparisonStored() {
        assertThat(count("""
                SELECT count(*) FROM revisions r
                JOIN revision_paths n ON n.repository_id = r.repository_id AND n.commit_id = r.commit_id
                JOIN revision_paths o ON o.repository_id = r.repository_id AND o.commit_id = r.parent_id
                    AND o.path = n.path
                JOIN blobs ob ON ob.blob_id = o.blob_id JOIN blobs nb ON nb.blob_id = n.blob_id
                WHERE o.blob_id <> n.blob_id AND ob.model IS NOT NULL AND nb.model IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM comparisons c
                        WHERE c.old_blob_id = o.blob_id AND c.new_blob_id = n.blob_id AND c.path = n.path)"""))
                .isZero();
        assertThat(count("SELECT count(DISTINCT path) FROM comparisons")).as("headers with a stored comparison")
                .isGreaterThan(1);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aSecondIngestFindsNothingNewAndChangesNothing() {
        IngestSummary again = new Ingester(db.dataSource(), tmp.resolve("cache")).ingest(NAME);

        assertThat(again.blobsParsed()).isZero();
        assertThat(again.newRevisions()).isZero();
        assertThat(again.comparisonsStored()).isZero();
        assertThat(TableDump.of(db.jdbc())).isEqualTo(dump);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void diffTagsJudgesEveryHeaderThatChangedBetweenTwoReleasesEachOnItsOwn() throws Exception {
        Repository repo = corpus.repository();
        Set<String> changed = new TreeSet<>();
        Map<String, String> before = expected.get(repo.resolve("refs/tags/v1.0.0^{commit}").name());
        Map<String, String> after = expected.get(repo.resolve("refs/tags/v1.1.0^{commit}").name());
        after.forEach((path, blob) -> {
            if (!blob.equals(before.get(path))) {
                changed.add(path);
            }
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(changed::add);
        assertThat(changed).as("what git says changed between v1.0.0 and v1.1.0").contains(
                "include/uapi/linux/bpf.h", "include/uapi/linux/fcntl.h", "include/uapi/linux/if_link.h");
        assertThat(before).as("fcntl.h is new in v1.1.0").doesNotContainKey("include/uapi/linux/fcntl.h");

        StoredComparisons.TreeComparison tree = StoredComparisons.over(db.dataSource())
                .compare(NAME, "v1.0.0", "v1.1.0");
        Set<String> judgedOrNamed = new TreeSet<>(tree.comparison().headers());
        tree.problems().forEach(p -> judgedOrNamed.add(p.substring(0, p.indexOf(".h") + 2)));
        assertThat(judgedOrNamed).as("each changed header judged, or named as not judged").isEqualTo(changed);
        assertThat(tree.comparison().findings()).allSatisfy(f -> assertThat(tree.comparison().headers())
                .contains(f.location().path()));
        assertThat(tree.comparison().findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("header.added"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = UapiguardCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "diff", "--tags",
                "v1.0.0", "v1.1.0", "--repo", NAME, "--format", "json", "--db-url", db.url(), "--db-user", db.user(),
                "--db-password", db.password());
        // perf_event.h changed and does not parse on this tree (its asm/ includes are not in it): the answer is
        // incomplete, so the exit status is 2 whatever the judged headers say.
        assertThat(tree.problems()).as("not judged").isNotEmpty();
        assertThat(exit).as(err.toString()).isEqualTo(2);
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        Map<String, Long> findingsByHeader = json.get("findings").valueStream().collect(Collectors.groupingBy(
                f -> f.get("location").get("path").asString(), TreeMap::new, Collectors.counting()));
        System.out.println("IngestHeadersCorpusTest: diff --tags v1.0.0 v1.1.0: findings by header "
                + findingsByHeader + "; not judged: " + tree.problems());
        assertThat(findingsByHeader.keySet()).containsAll(List.of("include/uapi/linux/bpf.h",
                "include/uapi/linux/fcntl.h"));
        assertThat(json.get("findings").valueStream().filter(f -> !f.get("rule").asString().startsWith("header.")))
                .allSatisfy(f -> assertThat(f.get("location").get("line").asInt()).isPositive());
        for (String problem : tree.problems()) {
            assertThat(err.toString()).contains("not judged: " + problem);
        }
        assertThat(tree.comparison().findings().stream().map(Finding::rule)).isNotEmpty();

        // A commit that changed perf_event.h alone: nothing could be judged, which is not "nothing changed".
        StringWriter onlyOut = new StringWriter();
        StringWriter onlyErr = new StringWriter();
        int only = UapiguardCommand.run(new PrintWriter(onlyOut, true), new PrintWriter(onlyErr, true), "diff",
                "--tags", "f84148041857f7ef426444b94dd9614ee2adeb69", "0218de8dafbc688e190a14ded2f49cdc6f3d685f",
                "--repo", NAME, "--db-url", db.url(), "--db-user", db.user(), "--db-password", db.password());
        assertThat(only).as(onlyErr.toString()).isEqualTo(2);
        assertThat(onlyErr.toString()).contains("nothing judged: include/uapi/linux/perf_event.h");
        assertThat(onlyOut.toString()).doesNotContain("not-applicable");

        // The tag list (the report's and the API's) has the same verdicts, header by header.
        TagInfo tag = new JdbcHistoryQueries(db.dataSource(), CompatEngine.VERSION).tags(NAME).stream()
                .filter(t -> t.name().equals("v1.1.0")).findFirst().orElseThrow();
        assertThat(tag.previousTag()).as("v1.0.3 and v1.0.2 tag the same commit").isEqualTo("v1.0.3");
        assertThat(tag.headers()).hasSize(after.size());
        Map<String, HeaderVerdict> verdicts = tag.headers().stream()
                .collect(Collectors.toMap(HeaderVerdict::path, v -> v));
        assertThat(verdicts.get("include/uapi/linux/fcntl.h").change()).isEqualTo("added");
        assertThat(verdicts.get("include/uapi/linux/bpf.h").change()).isEqualTo("changed");
        assertThat(verdicts.get("include/uapi/linux/bpf.h").verdict()).isNotNull();
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verdict() != null || v.parseError() != null)
                .as("%s has a verdict or names why not", v).isTrue());
    }
}
