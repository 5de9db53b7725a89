package io.uapiguard.api;

import static io.uapiguard.api.ServiceFixtures.C1;
import static io.uapiguard.api.ServiceFixtures.C2;
import static io.uapiguard.api.ServiceFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.admin.AdminConfiguration;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.output.SarifSchema;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.HelperEvent;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@WebMvcTest(controllers = BrowseController.class)
@Import({ApiConfiguration.class, AdminConfiguration.class, CheckService.class, Resolutions.class,
        ComparisonResponses.class, ReportLinks.class})
class BrowseControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HistoryQueries queries;
    @MockitoBean
    HistoryAdmin admin;
    @MockitoBean
    HeaderParser parser;
    @MockitoBean
    CompatEngine engine;

    @BeforeEach
    void history() {
        when(queries.repositories()).thenReturn(List.of(ServiceFixtures.repository()));
        when(queries.repository("linux")).thenReturn(Optional.of(ServiceFixtures.repository()));
        when(queries.revisions("linux")).thenReturn(List.of(ServiceFixtures.revision(C2, "v2"),
                ServiceFixtures.revision(C1, "v1")));
        when(queries.tags("linux")).thenReturn(ServiceFixtures.tags());
        when(queries.resolve("linux", "v1")).thenReturn(Optional.of(ServiceFixtures.revision(C1, "v1")));
        when(queries.resolve("linux", "2222222")).thenReturn(Optional.of(ServiceFixtures.revision(C2, "v2")));
        when(queries.model("linux", C1, PATH)).thenReturn(Optional.of(ServiceFixtures.model(
                ServiceFixtures.helper("map_lookup_elem", 1, "void *",
                        new io.uapiguard.model.Param("struct bpf_map *", "map")))));
        when(queries.model("linux", C2, PATH)).thenReturn(Optional.of(ServiceFixtures.model()));
        when(queries.storedComparison("linux", C1, C2, PATH)).thenReturn(Optional.of(ServiceFixtures.breaking()));
    }

    @Test
    void listsRepositories() throws Exception {
        mvc.perform(get("/api/v1/repositories"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("linux"))
                .andExpect(jsonPath("$[0].paths[0]").value(PATH));
    }

    @Test
    void credentialsInALocationRegisteredFromTheCommandLineAreNeverShown() throws Exception {
        var withCredentials = new io.uapiguard.store.HistoryQueries.RepositoryInfo("linux",
                "https://user:secretpw@github.com/torvalds/linux.git", "v*", List.of(), List.of(PATH), null);
        var sshWithPassword = new io.uapiguard.store.HistoryQueries.RepositoryInfo("ssh",
                "ssh://git:secretpw@github.com/torvalds/linux.git", "v*", List.of(), List.of(PATH), null);
        var scpWithPassword = new io.uapiguard.store.HistoryQueries.RepositoryInfo("scp",
                "git:secretpw@github.com:torvalds/linux.git", "v*", List.of(), List.of(PATH), null);
        when(queries.repositories()).thenReturn(List.of(withCredentials, sshWithPassword, scpWithPassword));
        when(queries.repository("linux")).thenReturn(Optional.of(withCredentials));
        mvc.perform(get("/api/v1/repositories"))
                .andExpect(jsonPath("$[0].location").value("https://github.com/torvalds/linux.git"))
                .andExpect(jsonPath("$[1].location").value("ssh://github.com/torvalds/linux.git"))
                .andExpect(jsonPath("$[2].location").value("github.com:torvalds/linux.git"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secretpw"))));
        mvc.perform(get("/api/v1/repositories/linux"))
                .andExpect(jsonPath("$.location").value("https://github.com/torvalds/linux.git"));
    }

    @Test
    void unknownRepositoryIs404Problem() throws Exception {
        mvc.perform(get("/api/v1/repositories/nope/tags"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no repository named 'nope' is registered"));
    }

    @Test
    void listsRevisionsNewestFirstAndTagsOldestFirst() throws Exception {
        mvc.perform(get("/api/v1/repositories/linux/revisions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].commitId").value(C2))
                .andExpect(jsonPath("$[0].tags[0]").value("v2"))
                .andExpect(jsonPath("$[0].reachable").value(true));
        mvc.perform(get("/api/v1/repositories/linux/tags"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("v1"))
                .andExpect(jsonPath("$[2].verdict").value("breaking"))
                .andExpect(jsonPath("$[2].helperCount").value(3));
    }

    @Test
    void resolvesOneRevisionByAbbreviatedCommit() throws Exception {
        mvc.perform(get("/api/v1/repositories/linux/revisions/2222222"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commitId").value(C2));
    }

    /** The problem's instance repeats the path, and the path what was sent: cut like any quoted value. */
    @Test
    void aHugePathSegmentIsCutInTheProblemsInstance() throws Exception {
        String huge = "a".repeat(300);
        mvc.perform(get("/api/v1/repositories/" + huge))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.instance").value("/api/v1/repositories/" + "a".repeat(80) + "..."));
        assertThat(ProblemInstances.of("/x/" + "b".repeat(78) + "%2Fc").toString())
                .as("never inside an escape").isEqualTo("/x/" + "b".repeat(78) + "...");
        assertThat(ProblemInstances.of("/api/v1/repositories/linux").toString()).isEqualTo("/api/v1/repositories/linux");
    }

    @Test
    void unknownRevisionIs404() throws Exception {
        mvc.perform(get("/api/v1/repositories/linux/revisions/v9/model"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no tag or commit 'v9' in repository 'linux'"));
    }

    /** A watched header the revision does not have is a 404 saying so, not a 422 "does not parse". */
    @Test
    void modelOfAHeaderTheRevisionDoesNotHaveIs404() throws Exception {
        when(queries.repository("linux")).thenReturn(Optional.of(new HistoryQueries.RepositoryInfo("linux",
                "https://example.org/linux.git", "v*", List.of(), List.of("include/uapi/**/*.h"), null)));
        mvc.perform(get("/api/v1/repositories/linux/revisions/v1/model").param("path", FCNTL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(FCNTL + " does not exist at v1"));
    }

    @Test
    void modelOfARevisionHasHelpersWithIdsAndSignatures() throws Exception {
        mvc.perform(get("/api/v1/repositories/linux/revisions/v1/model"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schemaVersion").value(2))
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.helpers[0].name").value("map_lookup_elem"))
                .andExpect(jsonPath("$.helpers[0].id").value(1))
                .andExpect(jsonPath("$.helpers[0].docs[0].returnType").value("void *"))
                .andExpect(jsonPath("$.helpers[0].docs[0].params[0].type").value("struct bpf_map *"));
    }

    @Test
    void headerTextOfARevision() throws Exception {
        when(queries.headerText("linux", C1, PATH)).thenReturn(Optional.of("/* v1 */\n"));
        mvc.perform(get("/api/v1/repositories/linux/revisions/v1/header"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/plain;charset=UTF-8"))
                .andExpect(content().string("/* v1 */\n"));
        when(queries.headerText("linux", C2, PATH)).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/repositories/linux/revisions/2222222/header"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void diffOfTwoRevisionsFollowsAccept() throws Exception {
        mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1").param("to", "2222222"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("breaking"))
                .andExpect(jsonPath("$.findings[0].rule").value("helper.id-changed"));
    }

    @Test
    void aStoredRemovalIsPlacedInTheNewHeaderThroughTheStoredTexts() throws Exception {
        Finding removed = new Finding("enum.removed", Severity.BREAKING, "B", "Enumerator B (enum e, value 1) was removed.",
                "1", null, new Location(PATH, 3), Map.of("enum", "e", "constant", "B", "side", "old"), false, null);
        when(queries.storedComparison("linux", C1, C2, PATH)).thenReturn(Optional.of(new Comparison(List.of(removed))));
        when(queries.headerText("linux", C1, PATH)).thenReturn(Optional.of("enum e {\n A,\n B,\n C,\n};\n"));
        when(queries.headerText("linux", C2, PATH)).thenReturn(Optional.of("/* one */\n/* two */\nenum e {\n A,\n C,\n};\n"));
        String body = mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1").param("to", "2222222")
                        .accept("application/sarif+json"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode result = SarifSchema.assertValid(body).get("runs").get(0).get("results").get(0);
        assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .as("B's old line 3, after two inserted lines: where C now stands").isEqualTo(5);
        assertThat(result.get("relatedLocations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(3);
    }

    static final String FCNTL = "include/uapi/linux/fcntl.h";

    /** Two revisions of several headers: each judged on its own, as diff --tags judges them, not bpf.h alone. */
    void twoHeaders() {
        RevisionInfo v1 = new RevisionInfo(C1, Instant.parse("2026-01-01T00:00:00Z"), "A", "s1", List.of("v1"),
                Map.of(PATH, "b1", FCNTL, "f1"), true);
        RevisionInfo v2 = new RevisionInfo(C2, Instant.parse("2026-01-02T00:00:00Z"), "A", "s2", List.of("v2", "v2.0"),
                Map.of(PATH, "b2", FCNTL, "f2"), true);
        for (var r : List.of(v1, v2)) {
            when(queries.resolve("linux", r.commitId())).thenReturn(Optional.of(r));
            when(queries.resolve("linux", r.tags().get(0))).thenReturn(Optional.of(r));
        }
        when(queries.resolve("linux", "v2.0")).thenReturn(Optional.of(v2));
    }

    @Test
    void diffWithoutAPathJudgesEveryHeaderThatChangedAndKeepsTheTagsAsked() throws Exception {
        twoHeaders();
        when(queries.storedComparison("linux", C1, C2, FCNTL)).thenReturn(Optional.of(new Comparison(List.of(
                new Finding("define.value-changed", Severity.WARNING, "O_X", "O_X changed.", "1", "2",
                        new Location(FCNTL, 7), Map.of(), false, null)))));
        mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1").param("to", "v2.0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("breaking"))
                .andExpect(jsonPath("$.headers.length()").value(2))
                .andExpect(jsonPath("$.findings[?(@.rule == 'define.value-changed')].location.path").value(FCNTL))
                .andExpect(jsonPath("$.findings[?(@.rule == 'helper.id-changed')]").isNotEmpty())
                .andExpect(jsonPath("$.new").value("v2.0"));
    }

    @Test
    void aChangedHeaderThatDidNotParseIsA422NamingItNotASkippedHeader() throws Exception {
        twoHeaders();
        when(queries.parsedModel("linux", C2, FCNTL)).thenThrow(new UapiguardException(Reason.PARSE_ERROR,
                FCNTL + " at v2 did not parse: " + FCNTL + ":3:1: expected ';'"));
        mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1").param("to", "v2"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not judged: " + FCNTL)));
    }

    /** A header named with path= that one side lacks is judged as added or removed, not a 404. */
    @Test
    void aHeaderNamedThatTheNewerRevisionLacksIsRemovedAndOneNeitherHasIsA404() throws Exception {
        RevisionInfo v1 = new RevisionInfo(C1, Instant.parse("2026-01-01T00:00:00Z"), "A", "s1", List.of("v1"),
                Map.of(PATH, "b1", FCNTL, "f1"), true);
        RevisionInfo v2 = new RevisionInfo(C2, Instant.parse("2026-01-02T00:00:00Z"), "A", "s2", List.of("v2"),
                Map.of(PATH, "b2"), true);
        when(queries.resolve("linux", "v1")).thenReturn(Optional.of(v1));
        when(queries.resolve("linux", "v2")).thenReturn(Optional.of(v2));
        when(queries.repository("linux")).thenReturn(Optional.of(new HistoryQueries.RepositoryInfo("linux",
                "https://example.org/linux.git", "v*", List.of(), List.of("include/uapi/**/*.h"), null)));
        when(engine.headerRemoved(any(), any())).thenAnswer(call -> CompatEngine.standard()
                .headerRemoved(call.getArgument(0), call.getArgument(1)));
        mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1").param("to", "v2").param("path", FCNTL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("breaking"))
                .andExpect(jsonPath("$.findings[0].rule").value("header.removed"));
        mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1").param("to", "v2")
                        .param("path", "include/uapi/linux/nosuch.h"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("include/uapi/linux/nosuch.h exists at neither v1 nor v2"));
    }

    @Test
    void diffDoesNotOfferThePatchworkBody() throws Exception {
        mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1").param("to", "2222222")
                        .accept("application/vnd.patchwork.check+json"))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void diffWithoutParametersIs400() throws Exception {
        mvc.perform(get("/api/v1/repositories/linux/diff").param("from", "v1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void timelineOfAHelper() throws Exception {
        when(queries.helperTimeline("linux", "map_lookup_elem", PATH)).thenReturn(List.of(
                new HelperEvent("added", C1, Instant.parse("2026-01-01T00:00:00Z"), List.of("v1"), "v1", 1L,
                        "void *bpf_map_lookup_elem(struct bpf_map *map)", null),
                new HelperEvent("signature-changed", C2, Instant.parse("2026-01-02T00:00:00Z"), List.of(), "v2", 1L,
                        "long bpf_map_lookup_elem(struct bpf_map *map)", "return type void * -> long")));
        mvc.perform(get("/api/v1/repositories/linux/helpers/map_lookup_elem/timeline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("added"))
                .andExpect(jsonPath("$[0].firstTag").value("v1"))
                .andExpect(jsonPath("$[1].kind").value("signature-changed"));
    }

    @Test
    void timelineOfAnUnknownHelperIs404() throws Exception {
        when(queries.helperTimeline("linux", "nope", PATH)).thenReturn(List.of());
        mvc.perform(get("/api/v1/repositories/linux/helpers/nope/timeline"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no helper 'nope' in the history of repository 'linux'"));
    }

    @Test
    void wrongMethodIs405Problem() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/repositories"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
