package io.uapiguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.api.CorpusService;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security headers on every kind of answer of the real server: each report page and its error page, the
 * style sheet, the API's JSON and problems (from a controller, from the filters in front, from the error
 * dispatch), actuator, OpenAPI, and the Swagger UI with its own, looser policy.
 */
class SecurityHeadersTest extends CorpusService {

    @TempDir
    Path dir;

    @Test
    void everyPageAndApiAnswerCarriesTheSecurityHeaders() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call()) {
            Path header = dir.resolve("include/uapi/linux/bpf.h");
            Files.createDirectories(header.getParent());
            Files.writeString(header, CraftedHeaderReportTest.CLEAN);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("header").setSign(false).call();
            git.tag().setName("v1").setAnnotated(false).call();
        }
        String repository = "headers-" + Math.abs(dir.hashCode());
        admin.register(new RepositorySpec(repository, dir.toString(), null, null, null));
        admin.ingest(repository);

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : List.of("/report", "/report/" + repository, "/report/" + repository + "/tags/v1",
                "/report/" + repository + "/helpers/map_lookup_elem", "/report/nope", "/report.css",
                "/api/v1/repositories", "/api/v1/repositories/nope", "/api/v1/repositories/" + repository
                        + "/revisions/v1/model", "/nope", "/actuator/health", "/actuator/prometheus", "/v3/api-docs")) {
            answers.add(get(path, path.startsWith("/report") ? "text/html" : "*/*"));
        }
        answers.add(postJson("/api/v1/checks", "", "application/json"));                           // 400
        answers.add(postJson("/api/v1/checks", "{\"repository\": \"nope\", \"header\": \"x\"}", "*/*"));   // 404
        answers.add(send(HttpRequest.newBuilder(URI.create(url("/api/v1/checks")))                   // 413, filter
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024])).build()));
        answers.add(postJson("/api/v1/admin/repositories", "{}", "*/*"));                             // 401
        // A stored check's page, its 404 page and its JSON's 404.
        JsonMapper json = JsonMapper.builder().build();
        HttpResponse<String> check = postJson("/api/v1/checks", json.writeValueAsString(
                Map.of("repository", repository, "header", CraftedHeaderReportTest.CLEAN)), "application/json");
        answers.add(check);
        answers.add(send(HttpRequest.newBuilder(URI.create(json.readTree(check.body()).path("checkUrl").asString()))
                .header("Accept", "text/html").GET().build()));
        answers.add(get("/report/checks/" + "0".repeat(64), "text/html"));
        answers.add(get("/api/v1/checks/" + "0".repeat(64), "*/*"));
        assertThat(answers.stream().map(HttpResponse::statusCode)).contains(200, 400, 401, 404, 413);
        for (HttpResponse<String> answer : answers) {
            String what = answer.request().method() + " " + answer.uri().getPath() + " -> " + answer.statusCode();
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValue(SecurityHeadersFilter.POLICY);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        }
        assertThat(SecurityHeadersFilter.POLICY).contains("default-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe", "script-src");

        HttpResponse<String> swagger = get("/swagger-ui/index.html", "text/html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeadersFilter.SWAGGER_POLICY);
        assertThat(swagger.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
}
