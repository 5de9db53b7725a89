package io.uapiguard.web;

import static io.uapiguard.api.ServiceFixtures.C2;
import static io.uapiguard.api.ServiceFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.ApiConfiguration;
import io.uapiguard.api.CheckRecords;
import io.uapiguard.api.ReportLinks;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.output.RenderContext;
import io.uapiguard.output.Renderers;
import io.uapiguard.store.CheckStore.StoredCheck;
import io.uapiguard.store.HistoryQueries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A stored check's page: what the JSON answer said, the lines kept around each finding, escaped, and its 404. */
@WebMvcTest(controllers = CheckPageController.class)
@Import({ApiConfiguration.class, WebConfiguration.class, ReportLinks.class})
class CheckPageControllerTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String ID = "c".repeat(64);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CheckRecords records;
    /** The report's other collaborators, which this page does not use. */
    @MockitoBean
    HistoryQueries queries;

    /** A check stored as the API stores it: the JSON renderer's answer and the excerpts' JSON. */
    void stored(String baseTag, Comparison comparison, String excerpts) {
        String result = Renderers.forFormat("json").render(comparison,
                new RenderContext(baseTag == null ? C2.substring(0, 12) : baseTag, "candidate", false,
                        "http://localhost/report/linux").withCheckUrl("http://localhost/report/checks/" + ID));
        when(records.find(ID)).thenReturn(Optional.of(new StoredCheck(ID, "linux", C2, baseTag, PATH,
                comparison.verdict(), result, excerpts, Instant.parse("2026-12-01T10:00:00Z"))));
    }

    Document page() throws Exception {
        return Jsoup.parse(mvc.perform(get("/report/checks/" + ID)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().exists("Content-Security-Policy"))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void thePageShowsTheVerdictEachFindingWithOldNewAndTheLinesAroundIt() throws Exception {
        Finding renumbered = new Finding("helper.id-changed", Severity.BREAKING, "bpf_map_lookup_elem",
                "Id of helper bpf_map_lookup_elem changed from 1 to 2.", "1", "2", new Location(PATH, 4),
                Map.of("helper", "bpf_map_lookup_elem"), false, null);
        Finding removed = new Finding("enum.removed", Severity.BREAKING, "BPF_X", "Enumerator BPF_X was removed.",
                "7", null, new Location(PATH, 9), Map.of("side", "old"), false, null);
        stored("v2", new Comparison(List.of(renumbered, removed)), """
                {"new": {"2": "l2", "3": "l3", "4": "FN(map_lookup_elem, 2, ##ctx)", "5": "l5", "6": "l6"},
                 "old": {"8": "o8", "9": "BPF_X = 7,", "10": "o10"}}""");
        Document page = page();

        assertThat(page.select("h1").text()).isEqualTo("Check against v2");
        assertThat(page.select("#verdict").text()).isEqualTo("breaking");
        assertThat(page.select("#base-report a").attr("href")).isEqualTo("/report/linux/tags/v2");
        var findings = page.select(".finding");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).select(".rule").text()).isEqualTo("helper.id-changed");
        assertThat(findings.get(0).select(".badge").text()).isEqualTo("breaking");
        assertThat(findings.get(0).select("code.old").text()).isEqualTo("1");
        assertThat(findings.get(0).select("code.new").text()).isEqualTo("2");
        assertThat(findings.get(0).select(".excerpt tr").eachText())
                .containsExactly("2 l2", "3 l3", "4 FN(map_lookup_elem, 2, ##ctx)", "5 l5", "6 l6");
        assertThat(findings.get(0).select(".excerpt tr.at").text()).isEqualTo("4 FN(map_lookup_elem, 2, ##ctx)");
        // A removal's lines are the base's.
        assertThat(findings.get(1).select(".finding-facts").text()).contains(PATH + ":9 (in the base)");
        assertThat(findings.get(1).select(".excerpt tr").eachText()).containsExactly("8 o8", "9 BPF_X = 7,", "10 o10");
        assertThat(findings.get(1).select("code.new")).isEmpty();
    }

    /** The REST check places a removal where its text left the candidate and keeps its line in the base. */
    @Test
    void aRemovalPlacedInTheCandidateSaysWhereAndShowsTheBaseLinesThatWereRemoved() throws Exception {
        Finding placed = new Finding("enum.removed", Severity.BREAKING, "BPF_X", "Enumerator BPF_X was removed.",
                "7", null, new Location(PATH, 209), Map.of("side", "old", Comparison.OLD_LINE, "9"), false, null);
        stored("v2", new Comparison(List.of(placed)),
                "{\"old\": {\"7\": \"o7\", \"8\": \"o8\", \"9\": \"BPF_X = 7,\", \"10\": \"o10\", \"11\": \"o11\"}}");
        var finding = page().select(".finding");
        assertThat(finding.select(".finding-facts").text())
                .contains(PATH + ":209 (removed here; line 9 in the base)").doesNotContain("209 (in the base)");
        assertThat(finding.select(".excerpt tr.at").text()).isEqualTo("9 BPF_X = 7,");
        assertThat(finding.select(".excerpt tr").eachText()).hasSize(5);
    }

    @Test
    void aCheckWithoutFindingsSaysSoAndABaseWithoutTagLinksTheRepository() throws Exception {
        stored(null, new Comparison(List.of()), "{}");
        Document page = page();
        assertThat(page.select("h1").text()).isEqualTo("Check against " + C2.substring(0, 12));
        assertThat(page.select("#verdict").text()).isEqualTo("compatible");
        assertThat(page.select("#findings-section .empty").text()).isEqualTo("No finding.");
        assertThat(page.select("#base-report a").attr("href")).isEqualTo("/report/linux");
    }

    @Test
    void everythingFromAHeaderIsEscaped() throws Exception {
        Finding evil = new Finding("helper.removed", Severity.BREAKING, SCRIPT, "Helper " + SCRIPT + " removed.",
                SCRIPT, SCRIPT, new Location(PATH, 1), Map.of(), true, SCRIPT);
        stored("v2", new Comparison(List.of(evil)), "{\"new\": {\"1\": \"" + SCRIPT + "\"}}");
        String html = mvc.perform(get("/report/checks/" + ID)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
        Document page = Jsoup.parse(html);
        assertThat(page.select(".finding .message").text()).isEqualTo("Helper " + SCRIPT + " removed.");
        assertThat(page.select(".excerpt tr").text()).isEqualTo("1 " + SCRIPT);
    }

    @Test
    void anUnknownOrSweptCheckIsA404Page() throws Exception {
        when(records.find(anyString())).thenReturn(Optional.empty());
        when(records.unknown(anyString())).thenReturn(new UapiguardException(Reason.NOT_FOUND,
                "no check 'x': unknown, or older than 30 days and swept (uapiguard.checks.retention)"));
        String html = mvc.perform(get("/report/checks/" + "d".repeat(64))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().exists("Content-Security-Policy"))
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select("#message").text()).contains("older than 30 days and swept");
    }
}
