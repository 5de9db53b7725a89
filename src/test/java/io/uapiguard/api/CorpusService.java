package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port over its own database on the suite's PostgreSQL, shared by every full test
 * (same configuration, so Spring builds the context once). {@link #ingestedCorpus()} ingests the real history of
 * bpf.h once per context and skips, with the reason, where the corpus is absent. Body reads are bounded tightly,
 * for SlowClientsTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "uapiguard.admin.token=full-test-token",
        "uapiguard.limits.max-body=4MB",
        // Short, so that SlowClientsTest sees them bite in seconds; loopback bodies come far faster.
        "server.tomcat.connection-timeout=3s", "uapiguard.limits.body-read-grace=1s",
        "uapiguard.limits.body-read-timeout=20s"})
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public abstract class CorpusService {

    public static final String REPOSITORY = "corpus";

    @LocalServerPort
    protected int port;

    @Autowired
    protected HistoryQueries queries;

    @Autowired
    protected HistoryAdmin admin;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Registers and ingests the corpus bundle unless this context's database already has it. */
    protected HistoryQueries.RepositoryInfo ingestedCorpus() {
        Corpus corpus = Corpus.require();
        synchronized (CorpusService.class) {
            var existing = queries.repository(REPOSITORY);
            if (existing.isPresent() && existing.get().lastIngestAt() != null) {
                return existing.get();
            }
            admin.register(new RepositorySpec(REPOSITORY, corpus.bundle().toString(), null, null, null));
            admin.ingest(REPOSITORY);
            return queries.repository(REPOSITORY).orElseThrow();
        }
    }

    /** The newest stored bpf.h of the corpus. */
    protected String newestText() {
        ingestedCorpus();
        HistoryQueries.RevisionInfo newest = queries.resolve(REPOSITORY, null).orElseThrow();
        return queries.headerText(REPOSITORY, newest.commitId(), Corpus.HEADER_PATH).orElseThrow();
    }

    /** The header with the ids of map_lookup_elem (1) and map_update_elem (2) swapped in its mapper: breaking. */
    protected static String swappedHelperIds(String text) {
        String lookup = "FN(map_lookup_elem, 1, ##ctx)";
        String update = "FN(map_update_elem, 2, ##ctx)";
        assertThat(text).as("the newest mapper lists map_lookup_elem with id 1").contains(lookup, update);
        return text.replaceFirst(Pattern.quote(lookup), "FN(map_lookup_elem, 2, ##ctx)")
                .replaceFirst(Pattern.quote(update), "FN(map_update_elem, 1, ##ctx)");
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).GET().build());
    }

    protected HttpResponse<String> postJson(String path, String json, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
