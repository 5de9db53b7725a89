package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.UapiguardVersion;
import io.uapiguard.admin.AdminConfiguration;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.output.SarifSchema;
import io.uapiguard.patch.RemovalScenario;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance of issue 16 item 1 through the REST check, with the real parser and rules: on a repository laid out
 * like the kernel (both copies of bpf.h watched), a patch inserting 200 lines and removing an enumerator.
 */
@WebMvcTest(controllers = CheckController.class)
// One test registers the repository anew: look it up each time.
@TestPropertySource(properties = "uapiguard.limits.resolution-ttl=0")
@Import({ApiConfiguration.class, AdminConfiguration.class, CheckService.class, Resolutions.class,
        ComparisonResponses.class, ReportLinks.class})
class CheckPlacesRemovalsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HistoryQueries queries;
    @MockitoBean
    HistoryAdmin admin;
    // The same beans as CheckControllerTest's, so both share one Spring context; here they answer as the real ones.
    @MockitoBean
    HeaderParser parser;
    @MockitoBean
    CompatEngine engine;
    /** Stores nothing (a mock's save answers false): the answers carry no checkUrl. */
    @MockitoBean
    CheckRecords records;

    /** A base no other test uses: the context (shared with CheckControllerTest) caches models by commit. */
    static final String BASE = "4444444444444444444444444444444444444444";

    @BeforeEach
    void kernelLikeRepository() {
        HeaderParser realParser = new HeaderParser();
        CompatEngine realEngine = CompatEngine.standard();
        when(parser.parse(anyString(), any(char[].class), any(), any())).thenAnswer(call -> realParser.parse(
                call.getArgument(0, String.class), call.getArgument(1, char[].class), call.getArgument(2),
                call.getArgument(3)));
        when(engine.compare(any(), any(), anyString())).thenAnswer(call -> realEngine.compare(
                call.getArgument(0), call.getArgument(1), call.getArgument(2, String.class)));
        when(engine.compareConsumers(any(), any(), any(), any(), any(), anyString())).thenAnswer(call ->
                realEngine.compareConsumers(call.getArgument(0), call.getArgument(1), call.getArgument(2),
                        call.getArgument(3), call.getArgument(4), call.getArgument(5, String.class)));
        String path = RemovalScenario.PATH;
        when(queries.repository("linux")).thenReturn(Optional.of(new RepositoryInfo("linux",
                "https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git", "v*", List.of("master"),
                List.of(path, RemovalScenario.TOOLS_PATH), Instant.parse("2026-11-24T12:00:00Z"))));
        when(queries.resolve(eq("linux"), isNull())).thenReturn(Optional.of(ServiceFixtures.revision(BASE)));
        when(queries.model("linux", BASE, path)).thenReturn(Optional.of(realParser.parse(path, RemovalScenario.OLD_TEXT)));
        when(queries.headerText("linux", BASE, path)).thenReturn(Optional.of(RemovalScenario.OLD_TEXT));
    }

    private JsonNode sarif(Map<String, Object> request) throws Exception {
        String body = mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/sarif+json").content(CheckControllerTest.body(request)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return SarifSchema.assertValid(body);
    }

    @Test
    void aPatchInserting200LinesAndRemovingAnEnumeratorGetsSarifPlacingTheRemovalWhereItHappened() throws Exception {
        JsonNode run = sarif(Map.of("repository", "linux", "patch", RemovalScenario.patch())).get("runs").get(0);
        JsonNode removal = run.get("results").valueStream()
                .filter(r -> r.get("ruleId").asString().equals("enum.removed")).findFirst().orElseThrow();
        JsonNode where = removal.get("locations").get(0).get("physicalLocation");
        assertThat(where.get("artifactLocation").get("uri").asString()).isEqualTo(RemovalScenario.PATH);
        assertThat(where.get("artifactLocation").has("uriBaseId")).as("the new file itself").isFalse();
        assertThat(where.get("region").get("startLine").asInt()).isCloseTo(RemovalScenario.NEW_LINE,
                Offset.offset(1));
        JsonNode related = removal.get("relatedLocations").get(0).get("physicalLocation");
        assertThat(related.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("OLD");
        assertThat(related.get("region").get("startLine").asInt()).isEqualTo(RemovalScenario.OLD_LINE);
        assertThat(removal.get("properties").get("oldLine").asString()).isEqualTo(Integer.toString(RemovalScenario.OLD_LINE));

        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("version").asString()).isEqualTo(UapiguardVersion.get());
        assertThat(driver.get("rules").valueStream().filter(r -> r.get("id").asString().equals("enum.removed"))
                .map(r -> r.get("name").asString())).containsExactly("EnumRemoved");
        assertThat(run.get("automationDetails").get("id").asString())
                .isEqualTo("uapiguard/linux/include/uapi/linux/bpf.h/");
        JsonNode provenance = run.get("versionControlProvenance").get(0);
        assertThat(provenance.get("repositoryUri").asString())
                .isEqualTo("https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git");
        assertThat(provenance.get("revisionId").asString()).isEqualTo(BASE);
    }

    @Test
    void aFullHeaderIsPlacedThroughALineDiffOfTheStoredBaseAndTheCandidate() throws Exception {
        JsonNode run = sarif(Map.of("repository", "linux", "header", RemovalScenario.NEW_TEXT)).get("runs").get(0);
        JsonNode removal = run.get("results").valueStream()
                .filter(r -> r.get("ruleId").asString().equals("enum.removed")).findFirst().orElseThrow();
        assertThat(removal.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(RemovalScenario.NEW_LINE);
    }

    @Test
    void aServerPathIsNotShownAsTheRepositoryUri() throws Exception {
        when(queries.repository("linux")).thenReturn(Optional.of(new RepositoryInfo("linux", "/srv/git/linux", "v*",
                List.of("master"), List.of(RemovalScenario.PATH), Instant.parse("2026-11-24T12:00:00Z"))));
        JsonNode run = sarif(Map.of("repository", "linux", "patch", RemovalScenario.patch())).get("runs").get(0);
        assertThat(run.has("versionControlProvenance")).isFalse();
        assertThat(run.toString()).doesNotContain("/srv/git");
    }

    /**
     * A posted policy's consumer whose regex backtracks without end (issue 16: never a hang): its bound stops it and
     * the check answers 400 problem+json naming the consumer and the policy's line.
     */
    @Test
    void aCatastrophicConsumerRegexInAPostedPolicyIs400NamingItsLine() throws Exception {
        String policy = """
                version: 1
                consumers:
                  - name: our generator
                    source: https://example.org/gen.awk
                    commit: 0123abcd
                    extract: {capture: '(x+x+){1,50}y', expect: helpers}
                """;
        String header = RemovalScenario.OLD_TEXT + "/* " + "x".repeat(40) + " */\n";
        long start = System.nanoTime();
        String body = mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(CheckControllerTest.body(Map.of("repository", "linux", "header", header,
                                "policy", policy))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("policy (.uapiguard.yml):3").contains("consumer our generator")
                .contains("catastrophic backtracking");
        assertThat(System.nanoTime() - start).as("bounded: about a second, never a hang").isLessThan(30_000_000_000L);
    }
}
