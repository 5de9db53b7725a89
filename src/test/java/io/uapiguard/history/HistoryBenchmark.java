package io.uapiguard.history;

import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.store.Database;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.SystemReader;

/**
 * Benchmarks of the history (not a unit test; figures go to docs/benchmarks.md, section "History").
 *
 * <pre>
 * mvn -o -q test-compile &amp;&amp; java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.uapiguard.history.HistoryBenchmark corpus ../shared/corpus/bpf-uapi-history.bundle
 * ... HistoryBenchmark synthetic 300000 400 1
 * </pre>
 *
 * {@code corpus}: full ingest of the bundle (mirror clone, walk, parse, store, comparisons) into a fresh embedded
 * PostgreSQL, then a no-change re-ingest; three rounds. {@code synthetic}: generates a history of N commits of
 * which K touch the header ({@code git fast-import}), writes a commit-graph with changed-path Bloom filters, and
 * times the ingest's walk with the Bloom filters, with the commit-graph but no Bloom filters, and with neither.
 */
public final class HistoryBenchmark {

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        switch (args[0]) {
            case "corpus" -> corpus(Path.of(args[1]));
            case "synthetic" -> synthetic(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 3);
            default -> throw new IllegalArgumentException("corpus BUNDLE | synthetic COMMITS TOUCHING [ROUNDS]");
        }
    }

    private static void corpus(Path bundle) throws Exception {
        for (int round = 1; round <= 3; round++) {
            Path work = Files.createTempDirectory("uapiguard-bench");
            try (Database db = Database.open(new Database.Settings(null, null, null, work.resolve("pg")))) {
                Ingester ingester = new Ingester(db.dataSource(), work.resolve("cache"));
                RepositoryInfo repo = new Registrations(db.dataSource()).resolveOrRegister(bundle.toString(), null);
                StepTimes steps = new StepTimes();
                long t0 = System.nanoTime();
                IngestSummary full = ingester.ingest(repo.name(), steps);
                long t1 = System.nanoTime();
                steps.step("end", 0);
                IngestSummary again = ingester.ingest(repo.name());
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d: full ingest %.2f s (%d revisions, %d parsed, %d parse"
                                + " errors, %d comparisons); no-change re-ingest %.3f s (%d parsed)%n", round,
                        (t1 - t0) / 1e9, full.revisionsSeen(), full.blobsParsed(), full.parseErrors(),
                        full.comparisonsStored(), (t2 - t1) / 1e9, again.blobsParsed());
                System.out.println("  steps: " + steps.times);
            }
            deleteTree(work);
        }
    }

    /** Wall time of each ingest step, in seconds. */
    private static final class StepTimes implements IngestListener {
        final java.util.Map<String, String> times = new java.util.LinkedHashMap<>();
        private String current;
        private long since;

        @Override
        public void step(String step, int total) {
            long now = System.nanoTime();
            if (current != null) {
                times.put(current, String.format(Locale.ROOT, "%.2f s", (now - since) / 1e9));
            }
            current = step;
            since = now;
        }
    }

    private static void synthetic(int commits, int touching, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("uapiguard-synthetic").resolve("repo.git");
        long g0 = System.nanoTime();
        run(dir.getParent(), "git", "init", "-q", "--bare", dir.toString());
        Process fi = new ProcessBuilder("git", "-C", dir.toString(), "fast-import", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream out = new BufferedOutputStream(fi.getOutputStream(), 1 << 20)) {
            int every = commits / touching;
            int headerVersion = 0;
            for (int i = 1; i <= commits; i++) {
                String path;
                String data;
                if (i % every == 0 && headerVersion < touching) {
                    headerVersion++;
                    path = GitFixture.HEADER;
                    data = "/* synthetic header " + headerVersion + " */\n";
                } else {
                    // Most changes land beside the header, as in the kernel: include/uapi/linux holds ~700 files.
                    path = switch (i % 3) {
                        case 0 -> "include/uapi/linux/u" + (i % 700) + ".h";
                        case 1 -> "include/linux/l" + (i % 1500) + ".h";
                        default -> "drivers/d" + (i % 997) + "/f" + (i % 13) + ".c";
                    };
                    data = "int v = " + i + ";\n";
                }
                byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
                String header = "commit refs/heads/main\nmark :" + i + "\ncommitter Bench <b@example.org> "
                        + (1_600_000_000L + i) + " +0000\ndata 6\nchange\n"
                        + (i > 1 ? "from :" + (i - 1) + "\n" : "")
                        + "M 100644 inline " + path + "\ndata " + bytes.length + "\n";
                out.write(header.getBytes(StandardCharsets.UTF_8));
                out.write(bytes);
                out.write('\n');
            }
        }
        if (fi.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
        long g1 = System.nanoTime();
        run(dir, "git", "commit-graph", "write", "--reachable", "--changed-paths");
        long g2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generated %d commits (%d touch %s) in %.1f s; commit-graph with Bloom"
                + " filters in %.1f s%n", commits, touching, GitFixture.HEADER, (g1 - g0) / 1e9, (g2 - g1) / 1e9);

        RepositoryInfo info = new RepositoryInfo("synthetic", dir.toString(), "v*", List.of("main"),
                List.of(GitFixture.HEADER), Instant.now());
        for (int round = 1; round <= rounds; round++) {
            walk("bloom", dir, info, true, true);
            walk("graph, no bloom", dir, info, true, false);
            walk("no graph", dir, info, false, false);
        }
    }

    private static void walk(String label, Path dir, RepositoryInfo info, boolean graph, boolean bloom)
            throws Exception {
        StoredConfig jgit = SystemReader.getInstance().getJGitConfig();
        jgit.setBoolean(ConfigConstants.CONFIG_COMMIT_GRAPH_SECTION, null,
                ConfigConstants.CONFIG_KEY_READ_CHANGED_PATHS, bloom);
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
            repo.getConfig().setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null,
                    ConfigConstants.CONFIG_COMMIT_GRAPH, graph);
            long t0 = System.nanoTime();
            HistoryWalk.Result result = HistoryWalk.walk(repo, info);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "walk %-16s %4d revisions in %8.1f ms%s%n", label, result.nodes().size(),
                    (t1 - t0) / 1e6, result.stats());
        }
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
