package io.uapiguard.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.BundleWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first screen against the packaged jar: {@code java -jar target/uapiguard.jar serve --ingest BUNDLE}
 * on the embedded PostgreSQL gives a populated report (its tags and the chart) without any other step.
 *
 * <p>The bundle is a small one made here (two tagged revisions of a fixture header), not the corpus: what this
 * proves is the packaging and the start-up path, and a small history keeps it to the time a start takes. The full
 * corpus (50 tags, the chart) through the same report is {@code ServiceCorpusTest} and {@code ReportBrowserTest}.
 */
class ServeIngestJarIT {

    private static final Duration STARTED = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void servePlusIngestOfABundleShowsItsTagsAndTheChartAtTheReportUrl() throws Exception {
        Path jar = Path.of("target", "uapiguard.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package)").isRegularFile();
        Path bundle = sampleBundle(tmp.resolve("bpf-sample.bundle"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = tmp.resolve("serve.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--ingest", bundle.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The embedded database and the clones in this test's directory, never the user's.
        builder.environment().put("UAPIGUARD_DATABASE_DATA_DIR", tmp.resolve("postgres").toString());
        builder.environment().put("UAPIGUARD_HISTORY_CACHE_DIR", tmp.resolve("repos").toString());
        Process serve = builder.start();
        try {
            Document report = awaitReport(serve, log, "http://127.0.0.1:" + port + "/report/bpf-sample");

            assertThat(report.select("#tags tbody tr")).hasSize(2);
            assertThat(report.select("#helper-chart rect").eachAttr("data-tag")).containsExactly("v1.0", "v1.1");
            assertThat(Files.readString(log)).contains("uapiguard: ingesting " + bundle + " as 'bpf-sample'");
            Document index = Jsoup.parse(get("http://127.0.0.1:" + port + "/report").body());
            assertThat(index.select("#repositories a").eachText()).containsExactly("bpf-sample");
        } finally {
            // SIGTERM: the service stops its embedded PostgreSQL on the way out.
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** Polls the repository page until both tags are there, the process dies, or time runs out. */
    private static Document awaitReport(Process serve, Path log, String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTED.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(serve.isAlive()).as("uapiguard serve exited early:%n%s", tail(log)).isTrue();
            try {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200) {
                    Document doc = Jsoup.parse(page.body());
                    if (doc.select("#tags tbody tr").size() == 2) {
                        return doc;
                    }
                }
            } catch (IOException notUpYet) {
                // the port is not open yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no report with two tags at " + url + " within " + STARTED + ":\n" + tail(log));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A bundle of two tagged revisions of a fixture header, as the corpus bundle is laid out. */
    private Path sampleBundle(Path bundle) throws Exception {
        Path dir = tmp.resolve("sample");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call()) {
            Path header = dir.resolve("include/uapi/linux/bpf.h");
            Files.createDirectories(header.getParent());
            int n = 0;
            for (String side : List.of("old", "new")) {
                Files.copy(Path.of("src/test/resources/compat/helper.id-changed/" + side + ".h"), header,
                        StandardCopyOption.REPLACE_EXISTING);
                git.add().addFilepattern(".").call();
                PersonIdent who = new PersonIdent("A U Thor", "a@example.org",
                        Instant.ofEpochSecond(1_700_000_000L + 86_400L * n), ZoneOffset.UTC);
                git.commit().setMessage(side + " header").setAuthor(who).setCommitter(who).call();
                git.tag().setName("v1." + n++).setAnnotated(false).call();
            }
            Repository repo = git.getRepository();
            BundleWriter writer = new BundleWriter(repo);
            writer.include("refs/heads/master", repo.resolve("refs/heads/master"));
            writer.include("refs/tags/v1.0", repo.resolve("refs/tags/v1.0"));
            writer.include("refs/tags/v1.1", repo.resolve("refs/tags/v1.1"));
            try (OutputStream out = Files.newOutputStream(bundle)) {
                writer.writeBundle(NullProgressMonitor.INSTANCE, out);
            }
        }
        return bundle;
    }
}
