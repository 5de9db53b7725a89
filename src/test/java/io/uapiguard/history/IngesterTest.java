package io.uapiguard.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries.HelperEvent;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.HistoryQueries.TagInfo;
import io.uapiguard.store.JdbcHistoryQueries;
import io.uapiguard.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Ingest of small, exactly known histories with a stand-in parser: what is recorded, parsed and compared. */
@Execution(ExecutionMode.CONCURRENT)
class IngesterTest {

    @TempDir
    Path tmp;

    private TestDatabase.Fresh db;
    private FakeParser parser;
    private GitFixture repo;
    private JdbcHistoryQueries queries;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.get().create("ingester");
        parser = new FakeParser();
        repo = new GitFixture(tmp.resolve("repo"));
        queries = new JdbcHistoryQueries(db.dataSource(), CompatEngine.VERSION);
    }

    @AfterEach
    void tearDown() {
        repo.close();
        db.close();
    }

    private Ingester ingester(int parserVersion) {
        return new Ingester(db.dataSource(), tmp.resolve("cache"), parser, parserVersion, CompatEngine.standard());
    }

    private IngestSummary ingest() {
        return ingester(1).ingest("r");
    }

    private void register() {
        ingester(1).register(new RepositorySpec("r", repo.dir().toString(), null, null, null));
    }

    private int count(String table) {
        return db.jdbc().sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    @Test
    void recordsTouchingCommitsAndTaggedCommitsParsesEachBlobOnceAndComparesWithThePredecessor() throws Exception {
        RevCommit c1 = repo.header("helper a 1 int\n", "add a");
        RevCommit c2 = repo.commit("README", "not the header", "docs");
        RevCommit c3 = repo.header("helper a 1 int\nhelper b 2 long\n", "add b");
        repo.tag("v1", c2);
        repo.tag("v2", c3);
        repo.tag("other", c1);
        register();

        IngestSummary first = ingest();

        assertThat(first.revisionsSeen()).isEqualTo(3);
        assertThat(first.newRevisions()).isEqualTo(3);
        assertThat(first.blobsParsed()).isEqualTo(2);
        assertThat(parser.calls).hasValue(2);
        assertThat(first.comparisonsStored()).isEqualTo(1);
        assertThat(queries.revisions("r")).extracting(RevisionInfo::commitId)
                .containsExactly(c3.name(), c2.name(), c1.name());
        RevisionInfo tagged = queries.resolve("r", "v1").orElseThrow();
        assertThat(tagged.commitId()).isEqualTo(c2.name());
        assertThat(tagged.subject()).isEqualTo("docs");
        assertThat(tagged.author()).isEqualTo("A U Thor");
        assertThat(tagged.blobs()).containsOnlyKeys(GitFixture.HEADER);
        assertThat(db.jdbc().sql("SELECT parent_id FROM revisions WHERE commit_id = ?").param(c3.name())
                .query(String.class).single()).as("predecessor skips the commit that did not touch the header")
                .isEqualTo(c1.name());
        assertThat(queries.firstTagContaining("r", c1.name())).contains("v1");
        assertThat(queries.firstTagContaining("r", c3.name())).contains("v2");
        assertThat(queries.tags("r")).extracting(TagInfo::name, TagInfo::previousTag, TagInfo::verdict,
                        TagInfo::helperCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v1", null, null, 1),
                        org.assertj.core.groups.Tuple.tuple("v2", "v1", "compatible", 2));
        UapiModel model = queries.model("r", c3.name(), GitFixture.HEADER).orElseThrow();
        assertThat(model).isEqualTo(new FakeParser().parse(GitFixture.HEADER, "helper a 1 int\nhelper b 2 long\n"));
        assertThat(queries.headerText("r", c1.name(), GitFixture.HEADER)).contains("helper a 1 int\n");

        List<String> steps = new ArrayList<>();
        IngestSummary again = ingester(1).ingest("r", new IngestListener() {
            @Override
            public void step(String step, int total) {
                steps.add(step);
            }
        });
        assertThat(steps).as("unchanged refs: nothing to walk").containsExactly("fetch");
        assertThat(again.revisionsSeen()).isEqualTo(3);
        assertThat(again.newRevisions()).isZero();
        assertThat(again.blobsParsed()).isZero();
        assertThat(again.comparisonsStored()).isZero();
        assertThat(parser.calls).hasValue(2);

        repo.header("helper a 1 int\nhelper b 2 long\nhelper c 3 int\n", "add c");
        IngestSummary third = ingest();
        assertThat(third.newRevisions()).isEqualTo(1);
        assertThat(third.blobsParsed()).isEqualTo(1);
        assertThat(third.comparisonsStored()).isEqualTo(1);
        assertThat(count("revisions")).isEqualTo(4);
        assertThat(count("blobs")).isEqualTo(3);
        assertThat(count("comparisons")).isEqualTo(2);
    }

    @Test
    void aForcePushedBranchLeavesItsDroppedRevisionsUnreachableAndNeverCurrent() throws Exception {
        repo.header("helper a 1\n", "one");
        RevCommit two = repo.header("helper a 1\nhelper b 2\n", "two");
        RevCommit dropped = repo.header("helper a 1\nhelper b 2\nhelper c 3\n", "three");
        repo.tag("v3", dropped);
        register();
        ingest();
        assertThat(queries.resolve("r", null).orElseThrow().commitId()).isEqualTo(dropped.name());

        repo.reset("main", two);
        repo.deleteTag("v3");
        RevCommit replacement = repo.header("helper a 1\nhelper b 2\nhelper d 4\n", "three again");
        IngestSummary s = ingest();

        assertThat(s.markedUnreachable()).isEqualTo(1);
        assertThat(s.newRevisions()).isEqualTo(1);
        assertThat(queries.resolve("r", null).orElseThrow().commitId()).isEqualTo(replacement.name());
        RevisionInfo gone = queries.resolve("r", dropped.name().substring(0, 10)).orElseThrow();
        assertThat(gone.reachable()).isFalse();
        assertThat(queries.tags("r")).isEmpty();
        assertThat(queries.firstTagContaining("r", dropped.name())).isEmpty();
        assertThat(queries.helperTimeline("r", "c", GitFixture.HEADER)).isEmpty();
        assertThat(queries.helperTimeline("r", "d", GitFixture.HEADER)).extracting(HelperEvent::kind, HelperEvent::commitId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("added", replacement.name()));
    }

    @Test
    void aHeaderThatDoesNotParseIsStoredWithItsErrorReportedAndTheIngestGoesOn() throws Exception {
        repo.header("helper a 1\n", "good");
        RevCommit bad = repo.header("helper a 1\ngarbage\n", "bad");
        RevCommit fixed = repo.header("helper a 1\nhelper b 2\n", "fixed");
        repo.tag("v1", bad);
        register();
        List<String> warnings = new ArrayList<>();

        IngestSummary s = ingester(1).ingest("r", new IngestListener() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        });

        assertThat(s.newRevisions()).isEqualTo(3);
        assertThat(s.parseErrors()).isEqualTo(1);
        assertThat(warnings).singleElement().asString()
                .contains("does not parse: include/uapi/linux/bpf.h:2:1: expected a declaration");
        assertThat(queries.model("r", bad.name(), GitFixture.HEADER)).isEmpty();
        assertThat(queries.model("r", fixed.name(), GitFixture.HEADER)).isPresent();
        assertThat(queries.tags("r")).singleElement()
                .returns("include/uapi/linux/bpf.h:2:1: expected a declaration", TagInfo::parseError)
                .returns(null, TagInfo::helperCount);
        assertThat(s.comparisonsStored()).as("no comparison can involve the header that did not parse").isZero();
        assertThatThrownBy(() -> new StoredComparisons(queries, CompatEngine.standard()).comparison("r", bad.name(), fixed.name(), GitFixture.HEADER))
                .isInstanceOf(UapiguardException.class)
                .hasMessageContaining("did not parse: include/uapi/linux/bpf.h:2:1: expected a declaration")
                .extracting(e -> ((UapiguardException) e).reason()).isEqualTo(UapiguardException.Reason.PARSE_ERROR);
    }

    @Test
    void aParserUpgradeReparsesStoredBlobsOnceAndRecomputesTheirComparisons() throws Exception {
        repo.header("helper a 1\n", "one");
        repo.header("helper a 1\nhelper b 2\n", "two");
        register();
        ingest();
        Integer comparisons = count("comparisons");

        IngestSummary upgraded = ingester(2).ingest("r");
        IngestSummary after = ingester(2).ingest("r");

        assertThat(upgraded.blobsParsed()).isEqualTo(2);
        assertThat(upgraded.comparisonsStored()).isEqualTo(1);
        assertThat(after.blobsParsed()).isZero();
        assertThat(count("comparisons")).isEqualTo(comparisons).isEqualTo(1);
        assertThat(db.jdbc().sql("SELECT DISTINCT parser_version FROM blobs").query(Integer.class).list())
                .containsExactly(2);
    }

    @Test
    void aRuleChangeRecomputesStoredComparisonsFromStoredModelsWithoutReparsing() throws Exception {
        RevCommit one = repo.header("helper a 1 int\n", "one");
        RevCommit two = repo.header("helper a 2 int\nhelper b 3 long\n", "two");
        repo.tag("v1", one);
        repo.tag("v2", two);
        register();
        int v = CompatEngine.VERSION;
        new Ingester(db.dataSource(), tmp.resolve("cache"), parser, 1, CompatEngine.standard(), v).ingest("r");
        // What an engine without today's rules would have stored: no findings at all.
        db.jdbc().sql("UPDATE comparisons SET verdict = 'compatible', breaking = 0, warnings = 0, infos = 0").update();
        db.jdbc().sql("DELETE FROM findings").update();
        var expected = CompatEngine.standard().compare(parser.parse(GitFixture.HEADER, "helper a 1 int\n"),
                parser.parse(GitFixture.HEADER, "helper a 2 int\nhelper b 3 long\n"), GitFixture.HEADER);
        int parses = parser.calls.get();
        assertThat(expected.findings()).extracting(f -> f.rule()).contains("helper.id-changed");
        JdbcHistoryQueries bumped = new JdbcHistoryQueries(db.dataSource(), v + 1);

        assertThat(new StoredComparisons(queries, CompatEngine.standard()).comparison("r", one.name(), two.name(), GitFixture.HEADER).findings())
                .as("same engine version: the stored comparison is served").isEmpty();
        assertThat(new StoredComparisons(bumped, CompatEngine.standard()).comparison("r", one.name(), two.name(), GitFixture.HEADER))
                .as("stale stored comparison: computed now instead").isEqualTo(expected);
        assertThat(bumped.tags("r")).extracting(TagInfo::verdict).as("stale verdict not shown")
                .containsExactly(null, null);

        IngestSummary recomputed = new Ingester(db.dataSource(), tmp.resolve("cache"), parser, 1,
                CompatEngine.standard(), v + 1).ingest("r");
        IngestSummary again = new Ingester(db.dataSource(), tmp.resolve("cache"), parser, 1,
                CompatEngine.standard(), v + 1).ingest("r");

        assertThat(recomputed.blobsParsed()).isZero();
        assertThat(parser.calls).as("models come from the store").hasValue(parses);
        assertThat(recomputed.comparisonsStored()).isEqualTo(1);
        assertThat(again.comparisonsStored()).isZero();
        assertThat(count("comparisons")).isEqualTo(1);
        assertThat(db.jdbc().sql("SELECT engine_version FROM comparisons").query(Integer.class).single())
                .isEqualTo(v + 1);
        assertThat(count("findings")).isEqualTo(expected.findings().size());
        assertThat(new StoredComparisons(bumped, CompatEngine.standard()).comparison("r", one.name(), two.name(), GitFixture.HEADER)).isEqualTo(expected);
        assertThat(bumped.tags("r")).extracting(TagInfo::verdict).containsExactly(null, "breaking");
        assertThat(new StoredComparisons(queries, CompatEngine.standard()).comparison("r", one.name(), two.name(), GitFixture.HEADER))
                .as("an older instance serves the newer engine's comparison").isEqualTo(expected);
    }

    @Test
    void theHelperTimelineNamesWhereAHelperAppearsChangesAndGoes() throws Exception {
        RevCommit added = repo.header("helper a 1 int\n", "one");
        repo.tag("v1", added);
        RevCommit renumbered = repo.header("helper a 5 int\n", "two");
        RevCommit retyped = repo.header("helper a 5 long\n", "three");
        RevCommit removed = repo.header("helper z 9\n", "four");
        register();
        ingest();

        assertThat(queries.helperTimeline("r", "bpf_a", GitFixture.HEADER))
                .extracting(HelperEvent::kind, HelperEvent::commitId, HelperEvent::id, HelperEvent::signature)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("added", added.name(), 1L, "int bpf_a(void *ctx)"),
                        org.assertj.core.groups.Tuple.tuple("id-changed", renumbered.name(), 5L, "int bpf_a(void *ctx)"),
                        org.assertj.core.groups.Tuple.tuple("signature-changed", retyped.name(), 5L,
                                "long bpf_a(void *ctx)"),
                        org.assertj.core.groups.Tuple.tuple("removed", removed.name(), null, null));
        assertThat(queries.helperTimeline("r", "a", GitFixture.HEADER).get(0).firstTag()).isEqualTo("v1");
        assertThat(db.jdbc().sql("SELECT name, helper_id FROM helpers WHERE name = 'a' ORDER BY helper_id")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactly("a=1", "a=5", "a=5");
    }

    @Test
    void badLocationsAreRefusedWithAClearMessage() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Ingester ingester = ingester(1);

        assertThatThrownBy(() -> ingester.register(new RepositorySpec("p", plain.toString(), null, null, null)))
                .isInstanceOf(UapiguardException.class).hasMessage(plain + ": not a git repository");
        assertThatThrownBy(() -> ingester.register(new RepositorySpec("p", tmp.resolve("nope").toString(), null,
                null, null))).hasMessage(tmp.resolve("nope") + ": no such file or directory");
        assertThatThrownBy(() -> ingester.register(new RepositorySpec("bad name", repo.dir().toString(), null,
                null, null))).hasMessageContaining("repository name 'bad name' must be");
        assertThatThrownBy(() -> ingester.register(new RepositorySpec("p", repo.dir().toString(), null, null,
                List.of("../etc/passwd")))).hasMessageContaining("must be relative to the repository root");
        assertThatThrownBy(() -> ingester.ingest("missing")).isInstanceOf(UapiguardException.class)
                .hasMessage("no repository named 'missing' is registered")
                .extracting(e -> ((UapiguardException) e).reason()).isEqualTo(UapiguardException.Reason.NOT_FOUND);

        ingester.register(new RepositorySpec("far", "https://127.0.0.1:9/none.git", null, null, null));
        long start = System.nanoTime();
        assertThatThrownBy(() -> ingester.ingest("far")).isInstanceOf(UapiguardException.class)
                .hasMessageStartingWith("cannot fetch https://127.0.0.1:9/none.git: ")
                .extracting(e -> ((UapiguardException) e).reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(count("revisions")).isZero();
    }

    @Test
    void aFileUrlIsRegisteredAsTheAbsolutePathItNames() throws Exception {
        repo.header("helper a 1\n", "one");

        var info = ingester(1).register(new RepositorySpec("r", repo.dir().toUri().toString(), null, null, null));

        assertThat(info.location()).isEqualTo(repo.dir().toAbsolutePath().normalize().toString());
        assertThat(ingest().newRevisions()).isEqualTo(1);
    }

    @Test
    void aBranchThatDoesNotExistIsABadInput() throws Exception {
        repo.header("helper a 1\n", "one");
        ingester(1).register(new RepositorySpec("r", repo.dir().toString(), null, List.of("nope"), null));
        assertThatThrownBy(this::ingest).isInstanceOf(UapiguardException.class)
                .hasMessage("branch 'nope' not found in " + repo.dir());
    }

    @Test
    void changingTheWatchedPathsRecordsTheRevisionsAgainWithoutReparsingKnownBlobs() throws Exception {
        repo.header("helper a 1\n", "one");
        repo.commit("tools/include/uapi/linux/bpf.h", "helper a 1\n", "tools copy");
        register();
        ingest();
        ingester(1).register(new RepositorySpec("r", repo.dir().toString(), null, null,
                List.of(GitFixture.HEADER, "tools/include/uapi/linux/bpf.h")));

        IngestSummary s = ingest();

        assertThat(s.newRevisions()).isEqualTo(2);
        assertThat(s.blobsParsed()).as("the tools copy has the same text, so the same blob").isZero();
        assertThat(queries.resolve("r", null).orElseThrow().blobs()).containsOnlyKeys(GitFixture.HEADER,
                "tools/include/uapi/linux/bpf.h");
        assertThat(db.jdbc().sql("SELECT count(*) FROM revision_paths").query(Integer.class).single()).isEqualTo(3);
    }
}
