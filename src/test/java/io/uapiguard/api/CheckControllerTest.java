package io.uapiguard.api;

import static io.uapiguard.api.ServiceFixtures.C1;
import static io.uapiguard.api.ServiceFixtures.C2;
import static io.uapiguard.api.ServiceFixtures.C3;
import static io.uapiguard.api.ServiceFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.AdditionalMatchers.aryEq;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.admin.AdminConfiguration;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.model.UapiModel;
import io.uapiguard.output.SarifSchema;
import io.uapiguard.store.HistoryQueries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(controllers = CheckController.class)
// Mocks change from test to test: look everything up each time.
@TestPropertySource(properties = "uapiguard.limits.resolution-ttl=0")
@Import({ApiConfiguration.class, AdminConfiguration.class, CheckService.class, Resolutions.class,
        ComparisonResponses.class, ReportLinks.class})
class CheckControllerTest {

    static final String HEADER = "/* candidate */\nenum bpf_func_id { BPF_FUNC_unspec };\n";
    static final String BASE_TEXT = "line 1\nline 2\nline 3\n";

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
    /** Stores nothing unless a test says so (a mock's save answers false): the answers carry no checkUrl. */
    @MockitoBean
    CheckRecords records;

    final UapiModel baseModel = ServiceFixtures.model(ServiceFixtures.helper("map_lookup_elem", 1, "void *"));
    final UapiModel candidateModel = ServiceFixtures.model(ServiceFixtures.helper("map_lookup_elem", 2, "void *"));

    @BeforeEach
    void history() {
        when(queries.repository("linux")).thenReturn(Optional.of(ServiceFixtures.repository()));
        when(queries.resolve(eq("linux"), isNull())).thenReturn(Optional.of(ServiceFixtures.revision(C2, "v2")));
        when(queries.resolve("linux", "v2")).thenReturn(Optional.of(ServiceFixtures.revision(C2, "v2")));
        when(queries.model("linux", C2, PATH)).thenReturn(Optional.of(baseModel));
        // Every stored revision has the header (a base without it would make the posted one an added header).
        when(queries.headerText(eq("linux"), anyString(), eq(PATH))).thenReturn(Optional.of(BASE_TEXT));
        // A posted header, or a patched base; its includes looked up in its own tree.
        when(parser.parse(eq(PATH), any(char[].class), any(), any())).thenReturn(candidateModel);
        when(engine.compare(baseModel, candidateModel, PATH)).thenReturn(ServiceFixtures.breaking());
        // The catalogue's consumers of the text find nothing here (ConsumersTest and ConsumerCorpusTest judge them).
        when(engine.compareConsumers(any(), any(), any(), any(), any(), anyString()))
                .thenReturn(new Comparison(List.of()));
    }

    static String body(Map<String, Object> fields) {
        return JsonMapper.builder().build().writeValueAsString(fields);
    }

    @Test
    void fullHeaderAgainstTagAnswersTheJsonSchemaWithTheStoredBaseModel() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.schemaVersion").value(2))
                .andExpect(jsonPath("$.verdict").value("breaking"))
                .andExpect(jsonPath("$.findings[0].rule").value("helper.id-changed"))
                .andExpect(jsonPath("$.findings[0].location.line").value(120));
        // As an edit of the stored base's text: the lines they share are not lexed again.
        verify(parser).parse(eq(PATH), aryEq(HEADER.toCharArray()), any(),
                eq(new HeaderParser.Edited(HEADER, BASE_TEXT)));
    }

    @Test
    void aPostedPolicyAcceptsAFindingWhichStaysShownButNoLongerBreaks() throws Exception {
        String policy = """
                version: 1
                accept:
                  - rule: helper.id-changed
                    symbol: map_lookup_elem
                    justification: "Renumbered before any release shipped it."
                """;
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER, "policy", policy))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("compatible"))
                .andExpect(jsonPath("$.summary.accepted").value(1))
                .andExpect(jsonPath("$.findings[0].rule").value("helper.id-changed"))
                .andExpect(jsonPath("$.findings[0].accepted").value(true))
                .andExpect(jsonPath("$.findings[0].justification").value("Renumbered before any release shipped it."));
    }

    @Test
    void aPostedPolicyOverridesARulesSeverity() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER,
                                "policy", "version: 1\nseverity:\n  helper.id-changed: warning\n"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("compatible"))
                .andExpect(jsonPath("$.findings[0].severity").value("warning"))
                .andExpect(jsonPath("$.findings[0].accepted").value(false));
    }

    @Test
    void aMalformedPolicyIs400NamingItsLineBeforeAnythingIsParsed() throws Exception {
        String policy = "version: 1\naccept:\n  - rule: helper.id-changed\n    symbol: map_lookup_elem\n";
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER, "policy", policy))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.file").value(CheckService.POLICY_FILE))
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.detail", containsString("justification")));
        verify(parser, never()).parse(anyString(), any(char[].class), any(), any());
    }

    @Test
    void aPolicyOverItsLimitIs422BeforeItIsRead() throws Exception {
        String policy = "version: 1\n#" + "x".repeat(CheckService.MAX_POLICY_CHARS) + "\n";
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER, "policy", policy))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Input exceeds a limit"))
                .andExpect(jsonPath("$.detail", containsString("at most " + CheckService.MAX_POLICY_CHARS)));
        verify(parser, never()).parse(anyString(), any(char[].class), any(), any());
    }

    @Test
    void aPolicyThatIsNotAJsonStringIs400NamingTheField() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"repository\": \"linux\", \"header\": \"x\", \"policy\": {\"version\": 1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "The request body is not valid JSON of the expected shape: 'policy' must be a JSON string "
                                + "(line 1, column 50)."));
    }

    @Test
    void omittedBaseUsesTheNewestRevision() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("breaking"));
        verify(queries).resolve("linux", null);
    }

    @Test
    void baseModelIsReadFromTheStoreOnceAndThenCached() throws Exception {
        // A base no other test uses: the cache lives as long as the application context.
        when(queries.resolve("linux", "v3")).thenReturn(Optional.of(ServiceFixtures.revision(C3, "v3")));
        when(queries.model("linux", C3, PATH)).thenReturn(Optional.of(baseModel));
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                            .content(body(Map.of("repository", "linux", "base", "v3", "header", HEADER))))
                    .andExpect(status().isOk());
        }
        verify(queries, org.mockito.Mockito.times(1)).model("linux", C3, PATH);
    }

    @Test
    void patchworkAcceptGivesACheckBodyLinkingTheTagReport() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/vnd.patchwork.check+json")
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.patchwork.check+json"))
                .andExpect(jsonPath("$.state").value("fail"))
                .andExpect(jsonPath("$.context").value("uapiguard"))
                .andExpect(jsonPath("$.description").value("1 breaking change to the BPF UAPI against v2"))
                .andExpect(jsonPath("$.target_url").value("http://localhost/report/linux/tags/v2"));
    }

    /** The page address of a check of {@link #HEADER} against v2 that the store took. */
    String storedCheckUrl() {
        when(records.save(any(), anyString())).thenReturn(true);
        return "http://localhost/report/checks/" + CheckService.digest("linux", C2, PATH, null, BASE_TEXT, HEADER);
    }

    @Test
    void aStoredCheckAnswersWithItsPageWhoseStoredJsonIsTheAnswer() throws Exception {
        String request = body(Map.of("repository", "linux", "base", "v2", "header", HEADER));
        String checkUrl = storedCheckUrl();
        String answer = mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkUrl").value(checkUrl))
                .andExpect(jsonPath("$.reportUrl").value("http://localhost/report/linux/tags/v2"))
                .andReturn().getResponse().getContentAsString();
        org.mockito.ArgumentCaptor<String> stored = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(records).save(any(), stored.capture());
        assertThat(stored.getValue()).isEqualTo(answer);
    }

    @Test
    void patchworksTargetUrlIsTheStoredChecksPage() throws Exception {
        String request = body(Map.of("repository", "linux", "base", "v2", "header", HEADER));
        String checkUrl = storedCheckUrl();
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/vnd.patchwork.check+json").content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target_url").value(checkUrl));
    }

    @Test
    void sarifRunPropertiesAndTheMarkdownLinksCarryTheChecksPage() throws Exception {
        String request = body(Map.of("repository", "linux", "base", "v2", "header", HEADER));
        String checkUrl = storedCheckUrl();
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/sarif+json").content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runs[0].properties.checkUrl").value(checkUrl));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("text/markdown").content(request))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("[This check](" + checkUrl + ")\n[Full report]("
                        + "http://localhost/report/linux/tags/v2)")));
    }

    @Test
    void aCheckTheStoreDidNotTakeAnswersWithoutCheckUrl() throws Exception {
        when(records.save(any(), anyString())).thenReturn(false);
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("breaking"))
                .andExpect(jsonPath("$.checkUrl").doesNotExist());
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/sarif+json")
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runs[0].properties").doesNotExist());
    }

    @Test
    void aStoredChecksJsonIsServedAsItWasAnswered() throws Exception {
        String digest = "e".repeat(64);
        when(records.find(digest)).thenReturn(Optional.of(new io.uapiguard.store.CheckStore.StoredCheck(digest,
                "linux", C2, "v2", PATH, "breaking", "{\"verdict\": \"breaking\"}", "{}", java.time.Instant.now())));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/checks/" + digest))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().string("{\"verdict\": \"breaking\"}"));
    }

    @Test
    void anUnknownOrSweptCheckIs404Problem() throws Exception {
        when(records.unknown(anyString())).thenReturn(new UapiguardException(Reason.NOT_FOUND, "no check: unknown"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/checks/"
                        + "f".repeat(64)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no check: unknown"));
    }

    @Test
    void patchworkStateIsSuccessWhenNothingBreaks() throws Exception {
        when(engine.compare(baseModel, candidateModel, PATH)).thenReturn(new Comparison(List.of()));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/vnd.patchwork.check+json")
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("success"));
    }

    static final String README_PATCH = """
            diff --git a/README b/README
            --- a/README
            +++ b/README
            @@ -1 +1 @@
            -old words
            +new words
            """;

    @Test
    void aReadmeOnlyPatchIsNotApplicableAndPatchworkDoesNotClaimNoBreakingChange() throws Exception {
        String json = body(Map.of("repository", "linux", "base", "v2", "patch", README_PATCH));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("not-applicable"))
                .andExpect(jsonPath("$.headers").isEmpty())
                .andExpect(jsonPath("$.findings").isEmpty());
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/vnd.patchwork.check+json").content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("success"))
                .andExpect(jsonPath("$.description").value("No watched UAPI header changed against v2: nothing to check"));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/sarif+json").content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runs[0].results").isEmpty())
                .andExpect(jsonPath("$.runs[0].invocations[0].toolExecutionNotifications[0].message.text")
                        .value("No watched UAPI header changed: nothing was judged."));
        verify(parser, never()).parse(anyString(), anyString());
        verify(parser, never()).parse(anyString(), any(char[].class), any(), any());
    }

    @Test
    void aPatchOfTheWatchedHeaderIsJudgedAndListsIt() throws Exception {
        String patch = """
                diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -2 +2 @@
                -line 2
                +line two
                """;
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v2", "patch", patch))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("breaking"))
                .andExpect(jsonPath("$.headers[0].path").value(PATH))
                .andExpect(jsonPath("$.headers[0].verdict").value("breaking"));
        verify(parser).parse(eq(PATH), aryEq("line 1\nline two\nline 3\n".toCharArray()), any(), any());
    }

    @Test
    void sarifMarkdownAndTextFollowAccept() throws Exception {
        String json = body(Map.of("repository", "linux", "base", "v2", "header", HEADER));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("application/sarif+json").content(json))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/sarif+json"))
                .andExpect(jsonPath("$.version").value("2.1.0"))
                .andExpect(jsonPath("$.runs[0].results[0].ruleId").value("helper.id-changed"))
                .andExpect(result -> SarifSchema.assertValid(result.getResponse().getContentAsString()));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("text/markdown").content(json))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andExpect(content().string(containsString("helper.id-changed")));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .accept("text/plain").content(json))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andExpect(content().string(containsString("helper.id-changed")));
    }

    @Test
    void qualityValuesPickTheFormat() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept", "application/json;q=0.5, application/vnd.patchwork.check+json")
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.patchwork.check+json"));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).header("Accept", "text/*")
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/plain;charset=UTF-8"));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).header("Accept", "*/*")
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void unsupportedAcceptIs406Problem() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).accept("application/xml")
                        .content(body(Map.of("repository", "linux", "base", "v2", "header", HEADER))))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verify(parser, never()).parse(anyString(), any(char[].class), any(), any());
    }

    @Test
    void unknownRepositoryIs404Problem() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "nope", "header", HEADER))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("no repository named 'nope' is registered"));
    }

    @Test
    void unknownBaseIs404Problem() throws Exception {
        when(queries.resolve("linux", "v9")).thenReturn(Optional.empty());
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v9", "header", HEADER))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no tag or commit 'v9' in repository 'linux'"));
    }

    @Test
    void bothHeaderAndPatchIs400() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER, "patch", "x"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("give exactly one of 'header'")));
    }

    @Test
    void neitherHeaderNorPatchIs400() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux"))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unwatchedPathIs400() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER, "path", "include/linux/x.h"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("does not watch 'include/linux/x.h'")));
    }

    @Test
    void malformedJsonIs400ProblemWithPosition() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content("{\"repository\": \"linux\",\n  oops"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.detail", containsString("line 2")));
    }

    /** Anything that names a Java type or member: a qualified name, Jackson's backquoted types, a signature. */
    static final java.util.regex.Pattern JAVA = java.util.regex.Pattern.compile(
            "([a-z][a-z0-9]*\\.){2}[A-Za-z]|`|Exception|Feature|ResponseEntity|java\\.lang|\\w\\(\\w");

    @Test
    void anEmptyBodyIsA400SpeakingOfTheRequest() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request body is missing: a JSON object is expected."));
    }

    @Test
    void bodyErrorsSpeakOfTheRequestNeverOfJavaClassesOrMethods() throws Exception {
        for (String body : List.of("", " ", "[]", "42", "\"text\"", "null", "{", "}", "{\"repository\": [1]}",
                "{\"repository\": \"linux\", \"patch\": {}}", "{\"repository\": {\"a\": 1}}", "{\"policy\": 5}",
                "{\"header\": 5}", "{\"header\": [\"x\"]}", "{\"repository\": \"linux\",}", "{\"a\":1}}", "\u0000",
                "{\"repository\": 1e99999}", "{\"repository\": \"\\uZZZZ\"}", "{'repository': 'linux'}",
                "{\"repository\": \"linux\" \"base\": \"v2\"}", "[{\"repository\": \"linux\"}]", "{\"repository\":tru}")) {
            String detail = JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/checks")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn().getResponse().getContentAsString()).path("detail").asString();
            org.assertj.core.api.Assertions.assertThat(detail).as(body).isNotBlank()
                    .doesNotContainPattern(JAVA);
        }
    }

    @Test
    void hugeValuesAreQuotedInErrorsOnlyByTheirStart() throws Exception {
        String huge = "x".repeat(5_000_000);
        for (Map<String, Object> request : List.<Map<String, Object>>of(Map.of("repository", huge, "header", HEADER),
                Map.of("repository", "linux", "base", huge, "header", HEADER),
                Map.of("repository", "linux", "path", huge, "header", HEADER))) {
            String answer = mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                            .content(body(request)))
                    .andExpect(status().is4xxClientError())
                    .andExpect(jsonPath("$.detail", containsString("'" + "x".repeat(80) + "...' (5000000 characters)")))
                    .andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(answer.length()).as(request.keySet().toString())
                    .isLessThan(1_000);
        }
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.TEXT_PLAIN).content(HEADER))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void headerThatIsNotAJsonStringIs400Problem() throws Exception {
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"repository\": \"linux\", \"header\": {\"text\": \"int x;\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("'header' must be a JSON string")))
                .andExpect(jsonPath("$.detail", not(containsString("io.uapiguard"))));
        verify(parser, never()).parse(anyString(), any(char[].class), any(), any());
    }

    @Test
    void headerThatDoesNotParseIs422WithPosition() throws Exception {
        when(parser.parse(eq(PATH), any(char[].class), any(), any())).thenThrow(new UapiguardException(
                Reason.PARSE_ERROR,
                "expected ';' after enum", PATH, 7, 3, null));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Header or patch does not parse"))
                .andExpect(jsonPath("$.detail").value(PATH + ":7:3: expected ';' after enum"))
                .andExpect(jsonPath("$.file").value(PATH))
                .andExpect(jsonPath("$.line").value(7))
                .andExpect(jsonPath("$.column").value(3));
    }

    @Test
    void headerThatTripsAParserLimitIs422() throws Exception {
        when(parser.parse(eq(PATH), any(char[].class), any(), any())).thenThrow(new UapiguardException(
                Reason.LIMIT_EXCEEDED,
                "macro expansion exceeds depth 200", PATH, 3, 1, null));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Input exceeds a limit"))
                .andExpect(jsonPath("$.reason").value("limit-exceeded"));
    }

    @Test
    void baseWhoseHeaderDidNotParseIs422() throws Exception {
        when(queries.resolve("linux", "v1")).thenReturn(Optional.of(ServiceFixtures.revision(C1, "v1")));
        when(queries.model("linux", C1, PATH)).thenReturn(Optional.empty());
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v1", "header", HEADER))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("at v1 has no model")));
    }

    @Test
    void patchIsAppliedToTheStoredBaseText() throws Exception {
        String patch = """
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -1,3 +1,3 @@
                 line 1
                -line 2
                +line two
                 line 3
                """;
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v2", "patch", patch))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("breaking"));
        verify(parser).parse(eq(PATH), aryEq("line 1\nline two\nline 3\n".toCharArray()), any(), any());
    }

    @Test
    void patchThatDoesNotApplyIs422NamingTheHunk() throws Exception {
        String patch = """
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -2,2 +2,2 @@
                 line 2
                -line three
                +line 3!
                """;
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v2", "patch", patch))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Patch does not apply"))
                .andExpect(jsonPath("$.hunk").value("@@ -2,2 +2,2 @@"))
                .andExpect(jsonPath("$.file").value(PATH))
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.detail", containsString("expected 'line three' but the header has 'line 3'")));
        verify(parser, never()).parse(anyString(), anyString());   // the patch path parses the patched text
    }

    @Test
    void aHunkHeaderAtTheEndOfTheIntRangeIs422NotA500() throws Exception {
        String patch = "--- a/" + PATH + "\n+++ b/" + PATH + "\n@@ -2147483647,1 +1,1 @@\n-line 2\n+line two\n";
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v2", "patch", patch))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.hunk").value("@@ -2147483647,1 +1,1 @@"))
                .andExpect(jsonPath("$.detail", containsString("beyond the header's 3 lines")));
    }

    @Test
    void aBinaryPatchOfTheHeaderIs422NotCompatible() throws Exception {
        String patch = "diff --git a/" + PATH + " b/" + PATH + "\nindex 1111111..2222222 100644\n"
                + "Binary files a/" + PATH + " and b/" + PATH + " differ\n";
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "base", "v2", "patch", patch))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("the patch changes " + PATH
                        + " as a binary file, which cannot be applied as text"));
        verify(parser, never()).parse(anyString(), anyString());
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() throws Exception {
        when(engine.compare(any(), any(), anyString())).thenThrow(new IllegalStateException("secret internals"));
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("repository", "linux", "header", HEADER))))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged."))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isContentTooLarge())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Request body too large"));
        verify(queries, never()).repository(anyString());
    }
}
