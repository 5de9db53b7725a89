package io.uapiguard.web;

import static io.uapiguard.api.ServiceFixtures.C1;
import static io.uapiguard.api.ServiceFixtures.C2;
import static io.uapiguard.api.ServiceFixtures.C3;
import static io.uapiguard.api.ServiceFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.api.ApiConfiguration;
import io.uapiguard.api.ReportLinks;
import io.uapiguard.api.ServiceFixtures;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.model.Param;
import io.uapiguard.model.Problem;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.HeaderVerdict;
import io.uapiguard.store.HistoryQueries.HelperEvent;
import io.uapiguard.store.HistoryQueries.TagInfo;
import io.uapiguard.header.HeaderParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = ReportController.class)
@Import({ApiConfiguration.class, WebConfiguration.class, ReportLinks.class})
class ReportControllerTest {

    static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HistoryQueries queries;
    @MockitoBean
    HistoryAdmin admin;

    @BeforeEach
    void history() {
        when(queries.repositories()).thenReturn(List.of(ServiceFixtures.repository()));
        when(queries.repository("linux")).thenReturn(Optional.of(ServiceFixtures.repository()));
        when(queries.tags("linux")).thenReturn(ServiceFixtures.tags());
        when(queries.model("linux", C1, PATH)).thenReturn(Optional.of(ServiceFixtures.model(
                ServiceFixtures.helper("unspec", 0, "void"),
                ServiceFixtures.helper("map_lookup_elem", 1, "void *", new Param("struct bpf_map *", "map")))));
        when(queries.model("linux", C2, PATH)).thenReturn(Optional.of(ServiceFixtures.model(
                ServiceFixtures.helper("unspec", 0, "void"),
                ServiceFixtures.helper("map_lookup_elem", 1, "void *", new Param("struct bpf_map *", "map")),
                ServiceFixtures.helper("tail_call", 2, "long", new Param("void *", "ctx")))));
        when(queries.model("linux", C3, PATH)).thenReturn(Optional.of(ServiceFixtures.model(
                List.of(new Problem("helper-undocumented", "tail_call", 42, "helper tail_call has no documentation")),
                ServiceFixtures.helper("unspec", 0, "void"),
                ServiceFixtures.helper("map_lookup_elem", 2, "void *", new Param("struct bpf_map *", "map")),
                ServiceFixtures.helper("tail_call", 1, "long", new Param("void *", "ctx")))));
        when(queries.storedComparison("linux", C2, C3, PATH)).thenReturn(Optional.of(new Comparison(List.of(
                ServiceFixtures.finding("helper.id-changed", Severity.BREAKING, "map_lookup_elem",
                        "Id of helper bpf_map_lookup_elem changed from 1 to 2.", 120),
                ServiceFixtures.finding("helper.id-changed", Severity.BREAKING, "tail_call",
                        "Id of helper bpf_tail_call changed from 2 to 1.", 121)))));
        when(queries.storedComparison("linux", C1, C3, PATH)).thenReturn(Optional.of(new Comparison(List.of())));
    }

    Document page(String url) throws Exception {
        String html = mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void credentialsInALocationAreNeverShownOnThePages() throws Exception {
        var withCredentials = new HistoryQueries.RepositoryInfo("linux",
                "https://user:secretpw@github.com/torvalds/linux.git", "v*", List.of(), List.of(PATH), null);
        when(queries.repositories()).thenReturn(List.of(withCredentials));
        when(queries.repository("linux")).thenReturn(Optional.of(withCredentials));
        for (String url : List.of("/report", "/report/linux")) {
            String html = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).as(url).doesNotContain("secretpw").contains("https://github.com/torvalds/linux.git");
        }
    }

    @Test
    void rootRedirectsToTheReport() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/report"));
    }

    @Test
    void indexListsRepositories() throws Exception {
        Document page = page("/report");
        assertThat(page.select("#repositories a").eachAttr("href")).containsExactly("/report/linux");
    }

    @Test
    void indexShowsTheLastIngestAsAReadableLocalTimeWithTheIsoInstantAsTitle() throws Exception {
        Document page = page("/report");
        var time = page.select("#repositories tbody td time").first();
        assertThat(time).isNotNull();
        assertThat(time.attr("title")).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(time.attr("datetime")).isEqualTo("2026-11-24T12:00:00Z");
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
                .withZone(java.time.ZoneId.systemDefault()).format(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(time.text()).isEqualTo(local);
    }

    @Test
    void anEmptyIndexSaysHowToStartTheServiceWithARepositoryToIngest() throws Exception {
        when(queries.repositories()).thenReturn(List.of());
        Document page = page("/report");
        assertThat(page.select("#repositories")).isEmpty();
        assertThat(page.select(".empty code").eachText()).contains(
                "java -jar target/uapiguard.jar serve --ingest ../shared/corpus/bpf-uapi-history.bundle");
    }

    @Test
    void ruleIdsAreMarkedToStayOnOneLine() throws Exception {
        Document page = page("/report/linux/tags/v3");
        assertThat(page.select("#findings code.rule").eachText()).containsOnly("helper.id-changed").isNotEmpty();
        try (var css = getClass().getResourceAsStream("/static/report.css")) {
            assertThat(new String(css.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("code.rule { white-space: nowrap; }");
        }
    }

    /** A tag with a header that could not be judged has no verdict: it is not the first tag, nor 0 breaking. */
    @Test
    void aTagWithAHeaderThatDidNotParseIsNotJudgedNotTheFirstTag() throws Exception {
        when(queries.tags("linux")).thenReturn(List.of(
                new TagInfo("v1", C1, Instant.parse("2024-01-01T00:00:00Z"), null, null, 0, 0, 0, 2, null),
                new TagInfo("v2", C2, Instant.parse("2024-02-01T00:00:00Z"), "v1", null, 0, 0, 0, 3, null)));
        Document page = page("/report/linux");
        assertThat(page.select("#tags .badge").eachText()).containsExactly("first tag", "not judged");
        assertThat(page.select("#tags tbody tr").get(1).select("td.num").eachText()).startsWith("—", "—", "—");
        assertThat(page.select("#helper-chart .bar").get(1).hasClass("unjudged")).isTrue();
    }

    @Test
    void repositoryPageHasTagsInOrderWithBadgesAndAChartBarPerTag() throws Exception {
        Document page = page("/report/linux");
        assertThat(page.select("#tags tbody tr td:first-child a").eachText()).containsExactly("v1", "v2", "v3");
        assertThat(page.select("#tags .badge").eachText()).containsExactly("first tag", "compatible", "breaking");
        assertThat(page.select("#helper-chart rect").eachAttr("data-count")).containsExactly("2", "3", "3");
        assertThat(page.select("#helper-chart rect").eachAttr("data-tag")).containsExactly("v1", "v2", "v3");
        // Heights are proportional to the counts, on a scale up to the largest count rounded to its tick step.
        assertThat(page.select("#helper-chart rect").eachAttr("height")).containsExactly("133", "200", "200");
        assertThat(page.select("#helper-chart .bar").get(2).hasClass("breaking")).isTrue();
    }

    @Test
    void tagPageSummarisesAgainstThePreviousTagWithFindingsHelpersAndProblems() throws Exception {
        Document page = page("/report/linux/tags/v3");
        assertThat(page.select("#summary .badge").text()).isEqualTo("breaking");
        assertThat(page.select("#summary a").text()).isEqualTo("v2");
        assertThat(page.select("#summary .count").text()).isEqualTo("2 breaking, 0 warnings, 0 info");
        assertThat(page.select("#compare option").eachText()).containsExactly("v1", "v2");
        assertThat(page.select("#compare option[selected]").text()).isEqualTo("v2");
        assertThat(page.select("#findings tbody tr")).hasSize(2);
        assertThat(page.select("#findings tbody tr").get(0).select("td").eachText()).containsExactly(
                "breaking", "helper.id-changed", "map_lookup_elem",
                "Id of helper bpf_map_lookup_elem changed from 1 to 2.", "120");
        assertThat(page.select("#helpers tbody tr").get(2).select("td").eachText()).containsExactly(
                "1", "tail_call", "long bpf_tail_call(void *ctx)", "v2");
        assertThat(page.select("#helpers tbody tr").get(1).select("td").eachText()).containsExactly(
                "2", "map_lookup_elem", "void *bpf_map_lookup_elem(struct bpf_map *map)", "v1");
        assertThat(page.select("#problems tbody tr td").eachText()).containsExactly(
                "helper-undocumented", "tail_call", "42", "helper tail_call has no documentation");
    }

    /** A removal is shown where its text left the tag's header, as the API's diff and a check place it. */
    @Test
    void tagPagePlacesARemovalInTheTagsHeader() throws Exception {
        when(queries.storedComparison("linux", C2, C3, PATH)).thenReturn(Optional.of(new Comparison(List.of(
                new Finding("enum.removed", Severity.BREAKING, "BPF_GONE", "Enumerator BPF_GONE was removed.", "3",
                        null, new Location(PATH, 3), Map.of("side", "old"), false, null)))));
        when(queries.headerText("linux", C2, PATH)).thenReturn(Optional.of("a\nb\n\tBPF_GONE = 3,\nc\n"));
        when(queries.headerText("linux", C3, PATH)).thenReturn(Optional.of("x\ny\na\nb\nc\n"));
        Document page = page("/report/linux/tags/v3");
        assertThat(page.select("#findings tbody tr").get(0).select("td").eachText()).containsExactly(
                "breaking", "enum.removed", "BPF_GONE", "Enumerator BPF_GONE was removed.", "5");
    }

    /**
     * The consumers of the text each revision since the compared tag broke: cilium's script, at the explicit ids.
     * A repository of its own: the service keeps stored texts and models by repository and commit.
     */
    @Test
    void tagPageListsTheConsumersEachRevisionBroke() throws Exception {
        String middle = "4444444444444444444444444444444444444444";
        String oldText = consumerFixture("old.h");
        String newText = consumerFixture("new.h");
        consumerHistory("consumers", middle, oldText, newText, newText + "/* later */\n");
        Document page = page("/report/consumers/tags/v3");
        List<String> rows = page.select("#consumers tbody tr").stream().map(tr -> tr.select("td").get(1).text())
                .toList();
        assertThat(rows).contains("cilium/ebpf asm/func.go gawk (v1)");
        assertThat(page.select("#consumers tbody tr td:first-child").eachText())
                .allMatch(t -> t.startsWith("444444444444 explicit ids " + SCRIPT));
        assertThat(page.html()).doesNotContain(SCRIPT);   // the subject is escaped

        // Seen again, the page reads no text from the database: each revision's is kept with its model.
        assertThat(page("/report/consumers/tags/v3").select("#consumers tbody tr")).hasSameSizeAs(rows);
        verify(queries, times(1)).headerText("consumers", middle, PATH);
        verify(queries, times(1)).headerText("consumers", C3, PATH);
    }

    @Test
    void tagPageSaysWhenNoRevisionBrokeAConsumer() throws Exception {
        String oldText = consumerFixture("old.h");
        consumerHistory("consumers-kept", "5555555555555555555555555555555555555555", oldText,
                oldText + "/* same shape */\n", oldText + "/* still */\n");
        assertThat(page("/report/consumers-kept/tags/v3").select("#consumers-section .empty").text())
                .isEqualTo("No revision since v2 broke a consumer of the header's text in the catalogue.");
    }

    private static String consumerFixture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/compat/consumer.extraction-changed").resolve(name));
    }

    /**
     * Repository {@code name}: tags v1, v2, v3 at C1, C2, C3, and between v2 and v3 one revision, {@code middle},
     * whose subject needs escaping; the header's text at v2, at {@code middle} and at v3.
     */
    private void consumerHistory(String name, String middle, String atV2, String atMiddle, String atV3) {
        var repository = ServiceFixtures.repository();
        when(queries.repository(name)).thenReturn(Optional.of(new HistoryQueries.RepositoryInfo(name,
                repository.location(), repository.tagPattern(), repository.branches(), repository.paths(),
                repository.lastIngestAt(), repository.mirrors())));
        when(queries.tags(name)).thenReturn(ServiceFixtures.tags());
        when(queries.storedComparison(name, C2, C3, PATH)).thenReturn(Optional.of(new Comparison(List.of())));
        when(queries.revisions(name)).thenReturn(List.of(
                revision(C3, "later", "b3"), revision(middle, "explicit ids " + SCRIPT, "b2"),
                revision(C2, "v2", "b1"), revision(C1, "v1", "b0")));
        HeaderParser parser = new HeaderParser();
        for (String[] r : new String[][] {{C2, atV2}, {middle, atMiddle}, {C3, atV3}}) {
            when(queries.headerText(name, r[0], PATH)).thenReturn(Optional.of(r[1]));
            when(queries.model(name, r[0], PATH)).thenReturn(Optional.of(parser.parse(PATH, r[1])));
        }
    }

    private static HistoryQueries.RevisionInfo revision(String commit, String subject, String blob) {
        return new HistoryQueries.RevisionInfo(commit, Instant.parse("2026-01-01T00:00:00Z"), "A. Author", subject,
                List.of(), Map.of(PATH, blob), true);
    }

    @Test
    void aTagOfSeveralHeadersListsTheVerdictOfEachAndShowsTheOneAsked() throws Exception {
        String fcntl = "include/uapi/linux/fcntl.h";
        String perf = "include/uapi/linux/perf_event.h";
        when(queries.repository("uapi")).thenReturn(Optional.of(new HistoryQueries.RepositoryInfo("uapi",
                "https://example.org/libbpf.git", "v*", List.of(), List.of("include/uapi/**/*.h"), null)));
        when(queries.tags("uapi")).thenReturn(List.of(
                new TagInfo("v1", C1, Instant.parse("2026-01-01T00:00:00Z"), null, null, 0, 0, 0, 2, null, List.of(
                        new HeaderVerdict(PATH, null, null, 0, 0, 0, null),
                        new HeaderVerdict(perf, null, null, 0, 0, 0, null))),
                new TagInfo("v2", C2, Instant.parse("2026-01-02T00:00:00Z"), "v1", null, 0, 0, 0, 3, null, List.of(
                        new HeaderVerdict(PATH, "changed", "compatible", 0, 0, 1, null),
                        new HeaderVerdict(fcntl, "added", "compatible", 0, 0, 1, null),
                        new HeaderVerdict(perf, "changed", null, 0, 0, 0, perf + ":1250:2: #error \"Unknown endianness\"")))));
        when(queries.model("uapi", C2, PATH)).thenReturn(Optional.of(ServiceFixtures.model(
                ServiceFixtures.helper("unspec", 0, "void"))));
        when(queries.model("uapi", C1, PATH)).thenReturn(Optional.of(ServiceFixtures.model()));
        when(queries.model("uapi", C2, fcntl)).thenReturn(Optional.of(ServiceFixtures.model()));
        when(queries.storedComparison("uapi", C1, C2, PATH)).thenReturn(Optional.of(new Comparison(List.of())));

        Document page = page("/report/uapi/tags/v2");

        assertThat(page.select("#headers tbody tr td:first-child").eachText()).containsExactly(PATH, fcntl, perf);
        assertThat(page.select("#headers tbody tr td:nth-child(2)").eachText())
                .containsExactly("changed", "added", "changed");
        assertThat(page.select("#headers tbody tr").get(1).select(".badge").text()).isEqualTo("compatible");
        assertThat(page.select("#headers tbody tr").get(2).select(".error").text())
                .isEqualTo("does not parse: " + perf + ":1250:2: #error \"Unknown endianness\"");
        assertThat(page.select("#headers tbody tr").get(2).select("td.num").eachText())
                .as("no counts for a header not judged").containsExactly("—", "—", "—");
        assertThat(page.select("#headers tr.shown td:first-child").text()).as("bpf.h, shown by default")
                .isEqualTo(PATH);
        assertThat(page.select(".meta span").text()).isEqualTo(PATH);
        assertThat(page.select("#headers tbody tr").get(1).select("a").attr("href"))
                .isEqualTo("/report/uapi/tags/v2?path=" + fcntl);

        Document added = page("/report/uapi/tags/v2?path=" + fcntl);
        assertThat(added.select(".meta span").text()).isEqualTo(fcntl);
        assertThat(added.select("#summary").text()).contains(fcntl + " is new at this tag.");
        assertThat(added.select("#helpers-section .empty").text()).isEqualTo("This header defines no helpers.");

        Document unparsed = page("/report/uapi/tags/v2?path=" + perf);
        assertThat(unparsed.select("#helpers-section .error").text())
                .isEqualTo("The header at this tag did not parse: " + perf + ":1250:2: #error \"Unknown endianness\"");

        // A header the tag does not have is said to be absent, not unparsed; so is one absent from the other side.
        Document absent = page("/report/uapi/tags/v1?path=" + fcntl);
        assertThat(absent.select("#helpers-section .error").text()).isEqualTo(fcntl + " does not exist at this tag.");
        List<TagInfo> withV3 = new java.util.ArrayList<>(queries.tags("uapi"));
        withV3.add(new TagInfo("v3", C3, Instant.parse("2026-01-03T00:00:00Z"), "v2", "compatible", 0, 0, 0, 3, null,
                List.of(new HeaderVerdict(PATH, "unchanged", "compatible", 0, 0, 0, null),
                        new HeaderVerdict(fcntl, "changed", "compatible", 0, 0, 0, null))));
        when(queries.tags("uapi")).thenReturn(withV3);
        when(queries.model("uapi", C3, fcntl)).thenReturn(Optional.of(ServiceFixtures.model()));
        Document absentThere = page("/report/uapi/tags/v3?path=" + fcntl + "&compare=v1");
        assertThat(absentThere.select("#summary").text()).contains("No comparison: " + fcntl + " does not exist at v1")
                .doesNotContain("did not parse");
    }

    @Test
    void theSelectorComparesWithAnyOtherTag() throws Exception {
        Document page = page("/report/linux/tags/v3?compare=v1");
        assertThat(page.select("#summary a").text()).isEqualTo("v1");
        assertThat(page.select("#summary .badge").text()).isEqualTo("compatible");
        assertThat(page.select("#findings-section .empty").text()).isEqualTo("No finding.");
    }

    @Test
    void helperPageShowsItsTimeline() throws Exception {
        when(queries.helperTimeline("linux", "tail_call", PATH)).thenReturn(List.of(
                new HelperEvent("added", C2, Instant.parse("2026-01-02T00:00:00Z"), List.of("v2"), "v2", 2L,
                        "long bpf_tail_call(void *ctx)", null),
                new HelperEvent("id-changed", C3, Instant.parse("2026-01-03T00:00:00Z"), List.of("v3"), "v3", 1L,
                        "long bpf_tail_call(void *ctx)", "id 2 -> 1")));
        Document page = page("/report/linux/helpers/tail_call");
        assertThat(page.select("h1").text()).isEqualTo("tail_call");
        assertThat(page.select("#timeline tbody tr .kind").eachText()).containsExactly("added", "id-changed");
        // No "Tags" column: the commits that change a helper hardly ever carry a tag; "First tag" says where it shipped.
        assertThat(page.select("#timeline thead th").eachText()).containsExactly("Change", "Date", "Commit", "First tag",
                "Id", "Signature", "Detail");
        assertThat(page.select("#timeline tbody tr").get(1).select("td").get(4).text()).isEqualTo("1");
        assertThat(page.select("#timeline tbody tr").get(0).select("a").attr("href"))
                .isEqualTo("/report/linux/tags/v2");
    }

    @Test
    void unknownRepositoryTagOrHelperIsA404Page() throws Exception {
        when(queries.helperTimeline("linux", "nope", PATH)).thenReturn(List.of());
        for (String url : List.of("/report/nope", "/report/linux/tags/v9", "/report/linux/tags",
                "/report/linux/helpers/nope")) {
            String html = mvc.perform(get(url)).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Not found");
        }
    }

    /** A crafted header: script in a helper name, a doc line (type, parameter name), a problem and a finding. */
    @Test
    void everythingFromAHeaderIsEscaped() throws Exception {
        // Its own repository name: the model cache outlives each test.
        var evil = new HistoryQueries.RepositoryInfo("evil", "https://github.com/x/y.git", "v*", List.of(),
                List.of(PATH), null);
        when(queries.repository("evil")).thenReturn(Optional.of(evil));
        when(queries.tags("evil")).thenReturn(ServiceFixtures.tags());
        when(queries.model("evil", C2, PATH)).thenReturn(Optional.of(ServiceFixtures.model()));
        when(queries.model("evil", C3, PATH)).thenReturn(Optional.of(ServiceFixtures.model(
                List.of(new Problem("helper-undocumented", SCRIPT, 1, "comment says " + SCRIPT)),
                ServiceFixtures.helper(SCRIPT, 0, "void " + SCRIPT, new Param("struct " + SCRIPT + " *", SCRIPT)))));
        when(queries.storedComparison("evil", C2, C3, PATH)).thenReturn(Optional.of(new Comparison(List.of(
                ServiceFixtures.finding("helper.removed", Severity.BREAKING, SCRIPT, "Helper " + SCRIPT + " removed.",
                        3)))));
        String html = mvc.perform(get("/report/evil/tags/v3")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
        Document page = Jsoup.parse(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("#helpers tbody td").eachText()).containsExactly("0", SCRIPT,
                "void " + SCRIPT + " bpf_" + SCRIPT + "(struct " + SCRIPT + " *" + SCRIPT + ")", "v3");
        assertThat(page.select("#findings tbody td").get(2).text()).isEqualTo(SCRIPT);
        assertThat(page.select("#problems tbody td").get(3).text()).isEqualTo("comment says " + SCRIPT);

        // A name in a URL cannot hold '/', so the helper page gets markup without one.
        String img = "<img src=x onerror=alert(1)>";
        when(queries.helperTimeline("evil", img, PATH)).thenReturn(List.of(
                new HelperEvent("added", C3, Instant.parse("2026-01-03T00:00:00Z"), List.of(img), "v3", 0L,
                        img + SCRIPT, img)));
        String helperHtml = mvc.perform(get("/report/evil/helpers/{name}", img)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(helperHtml).doesNotContain("<img").doesNotContain("<script").contains("&lt;img src=x");
        Document helperPage = Jsoup.parse(helperHtml);
        assertThat(helperPage.select("img, script")).isEmpty();
        assertThat(helperPage.select("h1").text()).isEqualTo(img);
    }
}
