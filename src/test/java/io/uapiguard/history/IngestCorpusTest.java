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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest on the real corpus with the real front end: incrementality, a kill at several points, and two ingests
 * at once, each of which must end equal to one uninterrupted ingest. They run on a slice of the history, its oldest
 * {@value #SLICE} commits as a bundle of their own: a kill or a concurrent ingest proves nothing more on 408
 * revisions than on 60, at a tenth of the parsing. What the whole history records is counted on the service's own
 * ingest of it ({@code ServiceIngestCorpusTest}), which the suite's full tests share.
 *
 * <p>The class runs beside the suite's sequential classes (its databases are its own, much of its time is a child
 * JVM and PostgreSQL); its methods run one after another.
 */
@Execution(ExecutionMode.CONCURRENT)
class IngestCorpusTest {

    private static final String NAME = "bpf-uapi-history";
    /** Commits of the slice: the oldest of master (a tenth of the history's text). */
    private static final int SLICE = 60;

    @TempDir
    static Path tmp;

    private static Corpus corpus;
    private static Path slice;
    private static Map<String, List<String>> sliceDump;

    @BeforeAll
    static void ingestOnce() throws Exception {
        corpus = Corpus.require();
        // Named like the corpus bundle, so that its repository gets the same name.
        slice = bundle(tmp.resolve("slice").resolve("bpf-uapi-history.bundle"), "refs/heads/master~" + (408 - SLICE));
        try (TestDatabase.Fresh db = TestDatabase.get().create("slice_ref")) {
            Ingester sliceIngester = new Ingester(db.dataSource(), tmp.resolve("cache-slice-ref"));
            new Registrations(db.dataSource()).resolveOrRegister(slice.toString(), null);
            IngestSummary summary = sliceIngester.ingest(NAME);
            assertThat(summary.blobsParsed()).isEqualTo(SLICE);
            sliceDump = TableDump.of(db.jdbc());
        }
    }

    private static Path bundle(Path file, String cut) throws Exception {
        return corpus.bundle(file, cut);
    }

    /**
     * The default watched paths became every header under include/uapi/ (a glob); on bpf.h's history, which holds no
     * other header, that records exactly what watching bpf.h alone recorded.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void watchingBpfHAloneRecordsWhatTheDefaultGlobRecords() {
        try (TestDatabase.Fresh db = TestDatabase.get().create("slice_literal")) {
            Ingester ingester = new Ingester(db.dataSource(), tmp.resolve("cache-slice-literal"));
            ingester.register(new RepositorySpec(NAME, slice.toString(), null, null, List.of(Corpus.HEADER_PATH)));
            IngestSummary summary = ingester.ingest(NAME);

            assertThat(summary.blobsParsed()).isEqualTo(SLICE);
            Map<String, List<String>> literal = new LinkedHashMap<>(TableDump.of(db.jdbc()));
            Map<String, List<String>> glob = new LinkedHashMap<>(sliceDump);
            assertThat(glob.remove("repositories")).singleElement().asString().endsWith("| {include/uapi/**/*.h}");
            assertThat(literal.remove("repositories")).singleElement().asString()
                    .endsWith("| {include/uapi/linux/bpf.h}");
            assertThat(literal).isEqualTo(glob);
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void ingestingAHistoryWithoutItsNewest10CommitsThenTheWholeOneParsesExactly10More() throws Exception {
        Path partial = bundle(tmp.resolve("partial").resolve("bpf-uapi-history.bundle"),
                "refs/heads/master~" + (408 - SLICE + 10));
        try (TestDatabase.Fresh db = TestDatabase.get().create("corpus_partial")) {
            Ingester ingester = new Ingester(db.dataSource(), tmp.resolve("cache-partial"));
            ingester.register(new RepositorySpec(NAME, partial.toString(), null, null, null));
            IngestSummary first = ingester.ingest(NAME);
            ingester.register(new RepositorySpec(NAME, slice.toString(), null, null, null));
            IngestSummary full = ingester.ingest(NAME);

            assertThat(first.blobsParsed()).isEqualTo(SLICE - 10);
            assertThat(full.blobsParsed()).isEqualTo(10);
            assertThat(full.newRevisions()).isEqualTo(10);
            assertThat(full.markedUnreachable()).isZero();
            assertThat(TableDump.of(db.jdbc())).isEqualTo(sliceDump);
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anIngestKilledAtAnyPointAndRunAgainEndsInTheStateOfAnUninterruptedOne() throws Exception {
        List<Predicate<String>> killPoints = List.of(
                line -> line.startsWith("ingest: fetch"),   // a half-written clone in the cache
                line -> progress(line, "parse") >= SLICE / 4,
                line -> line.startsWith("ingest: record"),
                line -> progress(line, "compare") > 0 || line.equals("ingest: compare"),
                line -> line.equals("ingest: refs"));
        for (int point = 0; point < killPoints.size(); point++) {
            killAndRerun(slice, killPoints.get(point), sliceDump, "slice, kill point " + point);
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anIngestKilledBetweenTwoRecordBatchesAndRunAgainEndsInTheStateOfAnUninterruptedOne() throws Exception {
        assertThat(Ingester.REVISION_BATCH).as("the slice spans more than one batch").isLessThan(SLICE);
        String betweenBatches = "ingest: record " + Ingester.REVISION_BATCH + "/" + SLICE;
        killAndRerun(slice, betweenBatches::equals, sliceDump, betweenBatches);
    }

    /** "ingest: STEP done/total" → done; -1 for any other line. */
    private static int progress(String line, String step) {
        String prefix = "ingest: " + step + " ";
        int slash = line.indexOf('/');
        if (!line.startsWith(prefix) || slash < 0) {
            return -1;
        }
        return Integer.parseInt(line.substring(prefix.length(), slash));
    }

    private static void killAndRerun(Path bundle, Predicate<String> killPoint, Map<String, List<String>> expected,
                                     String what) throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.get().create("corpus_crash")) {
            Path cache = Files.createTempDirectory(tmp, "cache-crash-");
            String seen = runAndKill(db, bundle, cache, killPoint);
            assertThat(seen).as("%s was reached", what).isNotEqualTo("(exit)");
            Ingester ingester = new Ingester(db.dataSource(), cache);
            new Registrations(db.dataSource()).resolveOrRegister(bundle.toString(), null);
            IngestSummary rerun = ingester.ingest(NAME);
            assertThat(TableDump.of(db.jdbc())).as("%s: killed after '%s', rerun %s", what, seen, rerun)
                    .isEqualTo(expected);
        }
    }

    /** Runs {@code uapiguard ingest} in another JVM and kills it (SIGKILL) when a log line matches. */
    private static String runAndKill(TestDatabase.Fresh db, Path bundle, Path cache, Predicate<String> when)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The JVM flags of bin/uapiguard for a CLI run: it starts in a fraction of the default's time.
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                "io.uapiguard.Main", "ingest", bundle.toString(), "--no-progress",
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
    @Execution(ExecutionMode.SAME_THREAD)
    void twoIngestsOfOneRepositoryAtOnceEndInTheUninterruptedStateAndParseEachBlobOnce() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.get().create("corpus_concurrent");
             Database second = Database.open(db.settings())) {
            Ingester one = new Ingester(db.dataSource(), tmp.resolve("cache-one"));
            Ingester two = new Ingester(second.dataSource(), tmp.resolve("cache-two"));
            new Registrations(db.dataSource()).resolveOrRegister(slice.toString(), null);
            CompletableFuture<IngestSummary> a = CompletableFuture.supplyAsync(() -> one.ingest(NAME));
            CompletableFuture<IngestSummary> b = CompletableFuture.supplyAsync(() -> two.ingest(NAME));

            IngestSummary sa = a.get(5, TimeUnit.MINUTES);
            IngestSummary sb = b.get(5, TimeUnit.MINUTES);

            assertThat(sa.blobsParsed() + sb.blobsParsed()).isEqualTo(SLICE);
            assertThat(sa.newRevisions() + sb.newRevisions()).isEqualTo(SLICE);
            assertThat(TableDump.of(db.jdbc())).isEqualTo(sliceDump);
        }
    }
}
