package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST check over several real headers: the oldest commits of the 13-header history ingested as their own
 * repository (watching every header under include/uapi/), and the real commit after them, which changes bpf.h and
 * if_link.h, posted as a format-patch.
 */
class HeadersServiceCorpusTest extends CorpusService {

    static final String HEADERS = "libbpf-headers";
    /** "sync with latest bpf-next (#11)", 2019-02-15: 90 lines of bpf.h and LINK_XSTATS_TYPE_BOND in if_link.h. */
    static final String COMMIT = "16eb3ff6f1955ae5d8bd9916f62bb8df694c9ea6";
    static final String BPF = "include/uapi/linux/bpf.h";
    static final String LINK = "include/uapi/linux/if_link.h";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The history up to the commit before {@link #COMMIT}, ingested once per context. */
    private void ingestedHeaders() throws IOException {
        Corpus corpus = Corpus.requireHeaders();
        synchronized (CorpusService.class) {
            var existing = queries.repository(HEADERS);
            if (existing.isPresent() && existing.get().lastIngestAt() != null) {
                return;
            }
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "headers-slice-");
            Path bundle = corpus.bundle(dir.resolve("libbpf-headers.bundle"), COMMIT + "^");
            admin.register(new RepositorySpec(HEADERS, bundle.toString(), null, null, null));
            admin.ingest(HEADERS);
        }
    }

    /** {@link #COMMIT} as git format-patch writes it: a mail with its message, then the diff of both headers. */
    private static String formatPatch(Repository repo) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(repo.resolve(COMMIT));
            RevCommit parent = walk.parseCommit(commit.getParent(0));
            ByteArrayOutputStream diff = new ByteArrayOutputStream();
            try (DiffFormatter f = new DiffFormatter(diff)) {
                f.setRepository(repo);
                f.format(parent.getTree(), commit.getTree());
            }
            return "From " + COMMIT + " Mon Sep 17 00:00:00 2001\n"
                    + "From: " + commit.getAuthorIdent().getName() + " <" + commit.getAuthorIdent().getEmailAddress()
                    + ">\nSubject: [PATCH] " + commit.getShortMessage() + "\n\n" + commit.getFullMessage()
                    + "---\n" + diff.toString(StandardCharsets.UTF_8) + "-- \n2.43.0\n";
        }
    }

    @Test
    void aRealPatchTouchingIfLinkHAndBpfHGetsBothJudgedEachFindingNamingItsHeaderAndLine() throws Exception {
        ingestedHeaders();
        Repository repo = Corpus.requireHeaders().repository();
        String patch = formatPatch(repo);
        assertThat(patch).contains("+++ b/" + BPF, "+++ b/" + LINK, "+\tLINK_XSTATS_TYPE_BOND,");
        assertThat(queries.resolve(HEADERS, null).orElseThrow().blobs()).as("the base holds more headers than two")
                .containsKeys(BPF, LINK).hasSizeGreaterThan(2);

        String request = JSON.writeValueAsString(new LinkedHashMap<>(Map.of("repository", HEADERS, "patch", patch)));
        HttpResponse<String> answer = postJson("/api/v1/checks", request, "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("headers").valueStream().map(h -> h.get("path").asString()))
                .containsExactly(BPF, LINK);
        Map<String, Long> byHeader = result.get("findings").valueStream().collect(Collectors.groupingBy(
                f -> f.get("location").get("path").asString(), TreeMap::new, Collectors.counting()));
        System.out.println("HeadersServiceCorpusTest: findings by header " + byHeader + ", verdict "
                + result.get("verdict").asString());
        assertThat(byHeader).containsOnlyKeys(BPF, LINK);
        assertThat(result.get("findings").valueStream().map(f -> f.get("rule").asString()))
                .as("the candidate's includes are found in its tree as the base's were at ingest")
                .doesNotContain("model.incomplete");
        assertThat(result.get("findings").valueStream()).allSatisfy(f ->
                assertThat(f.get("location").get("line").asInt()).as(f.toString()).isPositive());
        JsonNode bond = result.get("findings").valueStream()
                .filter(f -> f.get("location").get("path").asString().equals(LINK)).findFirst().orElseThrow();
        String linkText = new String(repo.open(repo.resolve(COMMIT + ":" + LINK)).getBytes(), StandardCharsets.UTF_8);
        assertThat(linkText.lines().toList().get(bond.get("location").get("line").asInt() - 1))
                .as("the if_link.h finding's line, in the patched header").containsAnyOf("LINK_XSTATS_TYPE", "__LINK");

        // Its page shows the findings of both headers.
        String checkUrl = result.path("checkUrl").asString();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(checkUrl)).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(BPF, LINK);
    }
}
