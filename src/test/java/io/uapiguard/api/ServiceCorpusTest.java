package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.output.SarifSchema;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CI bot's calls against the ingested real history, over HTTP. */
class ServiceCorpusTest extends CorpusService {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String body(Map<String, String> fields) {
        return JSON.writeValueAsString(new LinkedHashMap<>(fields));
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void aChecksPageShowsItsFindingsAndPatchworkLinksIt() {
        String request = body(Map.of("repository", REPOSITORY, "header", swappedHelperIds(newestText())));
        HttpResponse<String> answer = postJson("/api/v1/checks", request, "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String checkUrl = json(answer).path("checkUrl").asString();
        assertThat(checkUrl).as(answer.body()).matches("http://127\\.0\\.0\\.1:" + port + "/report/checks/[0-9a-f]{64}");

        HttpResponse<String> patchwork = postJson("/api/v1/checks", request, "application/vnd.patchwork.check+json");
        assertThat(json(patchwork).path("target_url").asString()).as("an identical request shares the page")
                .isEqualTo(checkUrl);

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(checkUrl)).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.body());
        assertThat(html.select("#verdict").text()).isEqualTo("breaking");
        assertThat(html.select(".finding .rule").eachText()).contains("helper.id-changed");
        assertThat(html.select(".finding .excerpt tr.at").eachText())
                .anyMatch(line -> line.contains("FN(map_lookup_elem, 2, ##ctx)"));

        String id = checkUrl.substring(checkUrl.lastIndexOf('/') + 1);
        assertThat(get("/api/v1/checks/" + id, "application/json").body()).isEqualTo(answer.body());
        HttpResponse<String> unknown = get("/api/v1/checks/" + "0".repeat(64), "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theNewestHeaderAgainstItselfIsCompatible() {
        String text = newestText();
        HttpResponse<String> response = postJson("/api/v1/checks",
                body(Map.of("repository", REPOSITORY, "header", text)), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("verdict").asString()).isEqualTo("compatible");
        assertThat(json(response).path("findings").size()).isZero();
    }

    @Test
    void twoSwappedHelperIdsAreBreakingForBothHelpers() {
        String swapped = swappedHelperIds(newestText());
        HttpResponse<String> response = postJson("/api/v1/checks",
                body(Map.of("repository", REPOSITORY, "header", swapped)), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("verdict").asString()).as(response.body()).isEqualTo("breaking");
        List<String> idChanged = new ArrayList<>();
        for (JsonNode finding : result.path("findings")) {
            if (finding.path("rule").asString().equals("helper.id-changed")) {
                idChanged.add(finding.path("symbol").asString());
                assertThat(finding.path("severity").asString()).isEqualTo("breaking");
            }
        }
        assertThat(idChanged).containsExactlyInAnyOrder("bpf_map_lookup_elem", "bpf_map_update_elem");
    }

    /** A patch written against the newest header: the documented return type of bpf_map_update_elem. */
    String returnTypePatch(String text, String from, String to) {
        String[] lines = text.split("\n", -1);
        int index = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(" * " + from + " bpf_map_update_elem(")) {
                index = i;
                break;
            }
        }
        assertThat(index).as("the documented signature of bpf_map_update_elem").isPositive();
        StringBuilder patch = new StringBuilder()
                .append("From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n")
                .append("From: A Developer <dev@example.org>\n")
                .append("Subject: [PATCH] bpf: change the return type of bpf_map_update_elem\n\n---\n")
                .append("diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h\n")
                .append("--- a/include/uapi/linux/bpf.h\n+++ b/include/uapi/linux/bpf.h\n")
                .append("@@ -").append(index - 2).append(",7 +").append(index - 2).append(",7 @@\n");
        for (int i = index - 3; i <= index + 3; i++) {
            if (i == index) {
                patch.append('-').append(lines[i]).append('\n');
                patch.append('+').append(lines[i].replace(" * " + from + " ", " * " + to + " ")).append('\n');
            } else {
                patch.append(' ').append(lines[i]).append('\n');
            }
        }
        return patch.append("-- \n2.47.0\n").toString();
    }

    int lineOf(String text, String prefix) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void aPatchChangingAReturnTypeIsFoundAtItsLine() {
        String text = newestText();
        String patch = returnTypePatch(text, "long", "int");
        HttpResponse<String> response = postJson("/api/v1/checks",
                body(Map.of("repository", REPOSITORY, "patch", patch)), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("verdict").asString()).isEqualTo("breaking");
        List<JsonNode> returnType = new ArrayList<>();
        result.path("findings").forEach(f -> {
            if (f.path("rule").asString().equals("helper.return-type-changed")) {
                returnType.add(f);
            }
        });
        assertThat(returnType).hasSize(1);
        assertThat(returnType.get(0).path("symbol").asString()).isEqualTo("bpf_map_update_elem");
        assertThat(returnType.get(0).path("location").path("path").asString()).isEqualTo(Corpus.HEADER_PATH);
        assertThat(returnType.get(0).path("location").path("line").asInt())
                .isEqualTo(lineOf(text, " * long bpf_map_update_elem("));
    }

    @Test
    void theSameCheckInSarifPatchworkAndMarkdown() {
        String patch = returnTypePatch(newestText(), "long", "int");
        String request = body(Map.of("repository", REPOSITORY, "patch", patch));
        HttpResponse<String> sarif = postJson("/api/v1/checks", request, "application/sarif+json");
        assertThat(sarif.statusCode()).isEqualTo(200);
        assertThat(sarif.headers().firstValue("Content-Type")).hasValue("application/sarif+json");
        assertThat(SarifSchema.assertValid(sarif.body()).path("version").asString()).isEqualTo("2.1.0");
        HttpResponse<String> patchwork = postJson("/api/v1/checks", request, "application/vnd.patchwork.check+json");
        assertThat(json(patchwork).path("state").asString()).isEqualTo("fail");
        // The same request, one stored check: patchwork's link is the page SARIF and Markdown name.
        String checkUrl = json(sarif).path("runs").path(0).path("properties").path("checkUrl").asString();
        assertThat(checkUrl).startsWith(url("/report/checks/"));
        assertThat(json(patchwork).path("target_url").asString()).isEqualTo(checkUrl);
        HttpResponse<String> markdown = postJson("/api/v1/checks", request, "text/markdown");
        assertThat(markdown.body()).contains("helper.return-type-changed", "[This check](" + checkUrl + ")");
    }

    @Test
    void aPatchThatDoesNotApplyIs422() {
        String patch = returnTypePatch(newestText(), "long", "int");
        // The same patch twice in a series: the second finds "int" where it expects "long".
        HttpResponse<String> response = postJson("/api/v1/checks",
                body(Map.of("repository", REPOSITORY, "patch", patch + "\n" + patch)), "application/json");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("title").asString()).isEqualTo("Patch does not apply");
        assertThat(problem.path("hunk").asString()).matches("@@ -\\d+,7 \\+\\d+,7 @@");
        assertThat(problem.path("detail").asString()).contains("(patch 2 of the series)");
    }

    @Test
    void aCandidateThatDoesNotParseIs422WithItsPosition() {
        ingestedCorpus();
        HttpResponse<String> response = postJson("/api/v1/checks",
                body(Map.of("repository", REPOSITORY, "header", "enum bpf_func_id {\n  BPF_FUNC_unspec = ,\n};\n")),
                "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).path("file").asString()).isEqualTo(Corpus.HEADER_PATH);
        assertThat(json(response).path("line").asInt()).isPositive();
    }

    @Test
    void readsOfTheIngestedHistory() {
        ingestedCorpus();
        JsonNode tags = JSON.readTree(get("/api/v1/repositories/" + REPOSITORY + "/tags", "application/json").body());
        assertThat(tags.size()).isEqualTo(50);
        JsonNode revisions = JSON.readTree(get("/api/v1/repositories/" + REPOSITORY + "/revisions",
                "application/json").body());
        assertThat(revisions.size()).isEqualTo(408);
        JsonNode model = JSON.readTree(get("/api/v1/repositories/" + REPOSITORY + "/revisions/"
                + revisions.get(0).path("commitId").asString() + "/model", "application/json").body());
        assertThat(model.path("helpers").size()).isEqualTo(212);
        String first = tags.get(0).path("name").asString();
        String last = tags.get(tags.size() - 1).path("name").asString();
        HttpResponse<String> diff = get("/api/v1/repositories/" + REPOSITORY + "/diff?from=" + first + "&to=" + last,
                "application/json");
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(diff.body()).path("findings").size()).isPositive();
        HttpResponse<String> timeline = get("/api/v1/repositories/" + REPOSITORY
                + "/helpers/cgrp_storage_delete/timeline", "application/json");
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(timeline.body()).get(0).path("kind").asString()).isEqualTo("added");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] big = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/v1/checks")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request body too large");
    }

    @Test
    void openApiHealthAndMetrics() {
        HttpResponse<String> docs = get("/v3/api-docs", "application/json");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        assertThat(paths.has("/api/v1/checks")).isTrue();
        assertThat(paths.has("/api/v1/repositories/{repository}/diff")).isTrue();
        assertThat(paths.has("/api/v1/admin/repositories")).isTrue();
        // The candidate header is read into characters, not a String: to a client it is still a JSON string.
        JsonNode header = JSON.readTree(docs.body()).path("components").path("schemas").path("CheckRequest")
                .path("properties").path("header");
        assertThat(header.path("type").asString()).isEqualTo("string");
        assertThat(get("/swagger-ui/index.html", "text/html").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        HttpResponse<String> metrics = get("/actuator/prometheus", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
        postJson("/api/v1/checks", body(Map.of("repository", REPOSITORY, "header", newestText())), "application/json");
        assertThat(get("/actuator/prometheus", "text/plain").body())
                .containsPattern("uapiguard_checks_total\\{repository=\"corpus\",verdict=\"compatible\"\\} [1-9]");
    }

    @Test
    void adminNeedsTheTokenOverHttp() {
        HttpResponse<String> anonymous = postJson("/api/v1/admin/repositories/" + REPOSITORY + "/ingest", "",
                "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        ingestedCorpus();
        HttpResponse<String> queued = adminPost("/api/v1/admin/repositories/" + REPOSITORY + "/ingest");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String location = queued.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/admin/ingests/\\d+");

        HttpResponse<String> waited = adminPost("/api/v1/admin/repositories/" + REPOSITORY + "/ingest?wait=true");
        assertThat(waited.statusCode()).as(waited.body()).isEqualTo(200);
        JsonNode run = JSON.readTree(waited.body());
        assertThat(run.path("state").asString()).isEqualTo("succeeded");
        assertThat(run.path("summary").path("blobsParsed").asInt()).as("nothing new to parse").isZero();

        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(url(location)))
                .header("Authorization", "Bearer full-test-token").GET().build());
        assertThat(first.statusCode()).isEqualTo(200);
        // One worker runs an instance's ingests in order: the first had ended before the waited one did.
        assertThat(JSON.readTree(first.body()).path("state").asString()).isEqualTo("succeeded");
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(url("/api/v1/admin/repositories/"
                + REPOSITORY + "/ingests"))).header("Authorization", "Bearer full-test-token").GET().build());
        assertThat(JSON.readTree(list.body()).get(0).path("id").asLong()).isEqualTo(run.path("id").asLong());
        assertThat(get("/actuator/prometheus", "text/plain").body()).containsPattern(
                "uapiguard_ingests_seconds_count\\{outcome=\"succeeded\",repository=\"corpus\"\\} [1-9]");
    }

    private HttpResponse<String> adminPost(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer full-test-token").POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
