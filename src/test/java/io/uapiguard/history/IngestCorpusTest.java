package io.uapiguard.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.store.Database;
import io.uapiguard.store.TableDump;
import io.uapiguard.store.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest on the real corpus with the real front end: counts, incrementality, a kill at several points,
 * and two ingests at once. One uninterrupted ingest is the reference every other run must end equal to.
 */
class IngestCorpusTest {

    private static final String NAME = "bpf-uapi-history";

    @TempDir
    static Path tmp;

    private static Corpus corpus;
    private static TestDatabase.Fresh reference;
    private static IngestSummary referenceSummary;
    private static Map<String, List<String>> referenceDump;

    @BeforeAll
    static void ingestOnce() {
        corpus = Corpus.require();
        reference = TestDatabase.get().create("corpus_ref");
        Ingester ingester = new Ingester(reference.dataSource(), tmp.resolve("cache-ref"));
        ingester.resolveOrRegister(corpus.bundle().toString(), null);
        referenceSummary = ingester.ingest(NAME);
        referenceDump = TableDump.of(reference.jdbc());
    }

    @AfterAll
    static void close() {
        if (reference != null) {
            reference.close();
        }
    }

    private static int count(TestDatabase.Fresh db, String sql) {
        return db.jdbc().sql(sql).query(Integer.class).single();
    }

    @Test
    void aFullIngestRecords408Revisions50TagsAnd408BlobsParsedOnceEachAndASecondParsesNothing() {
        assertThat(referenceSummary.revisionsSeen()).isEqualTo(408);
        assertThat(referenceSummary.newRevisions()).isEqualTo(408);
        assertThat(referenceSummary.blobsParsed()).isEqualTo(408);
        assertThat(count(reference, "SELECT count(*) FROM revisions WHERE reachable")).isEqualTo(408);
        assertThat(count(reference, "SELECT count(*) FROM tags")).isEqualTo(50);
        assertThat(count(reference, "SELECT count(DISTINCT blob_id) FROM revision_paths")).isEqualTo(408);
        assertThat(count(reference, "SELECT count(*) FROM blobs")).isEqualTo(408);
        assertThat(count(reference, "SELECT count(*) FROM revisions WHERE first_tag IS NULL"))
                .as("only revisions after the newest tag have no first tag")
                .isEqualTo(count(reference, "SELECT count(*) FROM revisions WHERE depth > (SELECT max(r.depth)"
                        + " FROM tags t JOIN revisions r USING (repository_id, commit_id))"));
        assertThat(count(reference, """
                SELECT count(*) FROM revisions r
                JOIN revision_paths n ON n.repository_id = r.repository_id AND n.commit_id = r.commit_id
                JOIN revision_paths o ON o.repository_id = r.repository_id AND o.commit_id = r.parent_id
                    AND o.path = n.path
                JOIN blobs ob ON ob.blob_id = o.blob_id JOIN blobs nb ON nb.blob_id = n.blob_id
                WHERE ob.model IS NOT NULL AND nb.model IS NOT NULL AND NOT EXISTS (SELECT 1 FROM comparisons c
                    WHERE c.old_blob_id = o.blob_id AND c.new_blob_id = n.blob_id AND c.path = n.path)"""))
                .as("every revision whose header and predecessor parsed has its comparison stored").isZero();

        IngestSummary again = new Ingester(reference.dataSource(), tmp.resolve("cache-ref")).ingest(NAME);
        assertThat(again.blobsParsed()).isZero();
        assertThat(again.newRevisions()).isZero();
        assertThat(again.comparisonsStored()).isZero();
        assertThat(TableDump.of(reference.jdbc())).isEqualTo(referenceDump);
    }

    @Test
    void ingestingTheHistoryWithoutItsNewest10CommitsThenTheFullOneParsesExactly10More() throws Exception {
        Path partial = tmp.resolve("partial.git");
        try (Git git = Git.cloneRepository().setURI(corpus.bundle().toUri().toString()).setBare(true)
                .setDirectory(partial.toFile()).setCloneAllBranches(true).call()) {
            Repository repo = git.getRepository();
            ObjectId cut = repo.resolve("refs/heads/master~10");
            RefUpdate u = repo.updateRef("refs/heads/master");
            u.setNewObjectId(cut);
            u.setForceUpdate(true);
            assertThat(u.update()).isIn(RefUpdate.Result.FORCED, RefUpdate.Result.FAST_FORWARD);
            try (RevWalk walk = new RevWalk(repo)) {
                for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                    if (!walk.isMergedInto(walk.parseCommit(tag.getObjectId()), walk.parseCommit(cut))) {
                        git.tagDelete().setTags(tag.getName().substring(Constants.R_TAGS.length())).call();
                    }
                }
            }
        }
        try (TestDatabase.Fresh db = TestDatabase.get().create("corpus_partial")) {
            Ingester ingester = new Ingester(db.dataSource(), tmp.resolve("cache-partial"));
            ingester.register(new RepositorySpec(NAME, partial.toString(), null, null, null));
            IngestSummary first = ingester.ingest(NAME);
            ingester.register(new RepositorySpec(NAME, corpus.bundle().toString(), null, null, null));
            IngestSummary full = ingester.ingest(NAME);

            assertThat(first.blobsParsed()).isEqualTo(398);
            assertThat(full.blobsParsed()).isEqualTo(10);
            assertThat(full.newRevisions()).isEqualTo(10);
            assertThat(full.markedUnreachable()).isZero();
            assertThat(TableDump.of(db.jdbc())).isEqualTo(referenceDump);
        }
    }

    @Test
    void anIngestKilledAtAnyPointAndRunAgainEndsInTheStateOfAnUninterruptedOne() throws Exception {
        List<Predicate<String>> killPoints = List.of(
                line -> line.startsWith("ingest: fetch"),   // a half-written clone in the cache
                line -> line.equals("ingest: parse 96/408"),
                line -> line.equals("ingest: record 200/408"),
                line -> line.startsWith("ingest: compare 100/") || line.equals("ingest: compare"),
                line -> line.equals("ingest: refs"));
        for (int point = 0; point < killPoints.size(); point++) {
            try (TestDatabase.Fresh db = TestDatabase.get().create("corpus_crash")) {
                Path cache = tmp.resolve("cache-crash-" + point);
                String seen = runAndKill(db, cache, killPoints.get(point));
                assertThat(seen).as("kill point %d was reached", point).isNotEqualTo("(exit)");
                Ingester ingester = new Ingester(db.dataSource(), cache);
                ingester.resolveOrRegister(corpus.bundle().toString(), null);
                IngestSummary rerun = ingester.ingest(NAME);
                assertThat(TableDump.of(db.jdbc())).as("killed after '%s', rerun %s", seen, rerun)
                        .isEqualTo(referenceDump);
            }
        }
    }

    /** Runs {@code uapiguard ingest} in another JVM and kills it (SIGKILL) when a log line matches. */
    private static String runAndKill(TestDatabase.Fresh db, Path cache, Predicate<String> when) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.uapiguard.Main", "ingest", corpus.bundle().toString(), "--no-progress",
                "--cache-dir", cache.toString(), "--db-url", db.url(), "--db-user", db.user(),
                "--db-password", db.password()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String seen = "(exit)";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (when.test(line)) {
                    seen = line;
                    p.destroyForcibly();
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        return seen;
    }

    @Test
    void twoIngestsOfOneRepositoryAtOnceEndInTheUninterruptedStateAndParseEachBlobOnce() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.get().create("corpus_concurrent");
             Database second = Database.open(db.settings())) {
            Ingester one = new Ingester(db.dataSource(), tmp.resolve("cache-one"));
            Ingester two = new Ingester(second.dataSource(), tmp.resolve("cache-two"));
            one.resolveOrRegister(corpus.bundle().toString(), null);
            CompletableFuture<IngestSummary> a = CompletableFuture.supplyAsync(() -> one.ingest(NAME));
            CompletableFuture<IngestSummary> b = CompletableFuture.supplyAsync(() -> two.ingest(NAME));

            IngestSummary sa = a.get(5, TimeUnit.MINUTES);
            IngestSummary sb = b.get(5, TimeUnit.MINUTES);

            assertThat(sa.blobsParsed() + sb.blobsParsed()).isEqualTo(408);
            assertThat(sa.newRevisions() + sb.newRevisions()).isEqualTo(408);
            assertThat(TableDump.of(db.jdbc())).isEqualTo(referenceDump);
        }
    }
}
