package io.uapiguard.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardVersion;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.RuleCatalog;
import io.uapiguard.compat.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RenderersTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String HOSTILE = "evil<script>alert(1)</script>|x";

    private static final Comparison COMPARISON = new Comparison(List.of(
            new Finding("helper.removed", Severity.BREAKING, "bpf_foo", "Helper bpf_foo (id 42) was removed.", "foo", null,
                    new Location("include/uapi/linux/bpf.h", 120), Map.of("helper", "foo", "id", "42", "side", "old"),
                    false, null),
            new Finding("struct.field-removed", Severity.BREAKING, HOSTILE, "Field " + HOSTILE + " of struct s was removed.",
                    "__u32 " + HOSTILE, null, new Location("include/uapi/linux/bpf.h", 0), Map.of("struct", "s"), true,
                    "Ok | <b>because</b>"),
            new Finding("helper.doc-missing", Severity.WARNING, "bpf_bar", "Helper bpf_bar (id 7) has no documented signature any more.",
                    "(u32 a)", null, new Location("include/uapi/linux/bpf.h", 30), Map.of("helper", "bar"), false, null),
            new Finding("helper.added", Severity.INFO, "bpf_baz", "Helper bpf_baz (id 212) was added.", null, "baz",
                    new Location("include/uapi/linux/bpf.h", 140), Map.of("helper", "baz"), false, null)));

    private static final RenderContext CONTEXT = RenderContext.plain("v1.0.0", "HEAD");

    @Test
    void jsonSarifAndMarkdownShowEachFindingsImpact() throws Exception {
        JsonNode json = JSON.readTree(Renderers.forFormat("json").render(COMPARISON, CONTEXT));
        assertThat(json.get("findings").get(0).get("impact").asString()).isEqualTo("api");   // helper.removed
        JsonNode sarif = SarifSchema.assertValid(Renderers.forFormat("sarif").render(COMPARISON, CONTEXT));
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("results").get(0).get("properties").get("impact").asString()).isEqualTo("api");
        assertThat(run.get("tool").get("driver").get("rules").valueStream()
                .filter(r -> r.get("id").asString().equals("helper.id-changed"))
                .map(r -> r.get("properties").get("impact").asString())).containsExactly("abi");
        assertThat(Renderers.forFormat("markdown").render(COMPARISON, CONTEXT)).contains("| Severity | Impact | Rule |");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode root = JSON.readTree(new JsonRenderer().render(COMPARISON, CONTEXT));
        assertThat(root.propertyNames()).containsExactly("schemaVersion", "old", "new", "verdict", "summary", "findings");
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(root.get("verdict").asString()).isEqualTo("breaking");
        assertThat(root.get("summary").toString()).isEqualTo("{\"breaking\":1,\"warning\":1,\"info\":1,\"accepted\":1}");
        JsonNode first = root.get("findings").get(0);
        assertThat(first.propertyNames()).containsExactly("rule", "severity", "impact", "symbol", "message", "old", "new",
                "location", "accepted", "justification", "attachments");
        assertThat(first.get("rule").asString()).isEqualTo("helper.removed");
        assertThat(first.get("severity").asString()).isEqualTo("breaking");
        assertThat(first.get("old").asString()).isEqualTo("foo");
        assertThat(first.get("new").isNull()).isTrue();
        assertThat(first.get("location").toString()).isEqualTo("{\"path\":\"include/uapi/linux/bpf.h\",\"line\":120}");
        assertThat(first.get("accepted").asBoolean()).isFalse();
        assertThat(first.get("attachments").toString()).isEqualTo("{\"helper\":\"foo\",\"id\":\"42\",\"side\":\"old\"}");
        JsonNode accepted = root.get("findings").get(1);
        assertThat(accepted.get("symbol").asString()).isEqualTo(HOSTILE);
        assertThat(accepted.get("accepted").asBoolean()).isTrue();
        assertThat(accepted.get("justification").asString()).isEqualTo("Ok | <b>because</b>");
        assertThat(root.get("findings")).hasSize(4);
    }

    @Test
    void jsonListsEachJudgedHeaderWithItsVerdictAndFindingsKeepTheirHeaderPath() throws Exception {
        String other = "include/uapi/linux/if_xdp.h";
        Finding warning = new Finding("copy.out-of-sync", Severity.WARNING, "tools/" + other, "Out of sync.", null, null,
                new Location(other, 3), Map.of("side", "new"), false, null);
        Comparison two = new Comparison(List.of(COMPARISON.findings().get(0), warning),
                List.of("include/uapi/linux/bpf.h", other));
        JsonNode root = JSON.readTree(new JsonRenderer().render(two, CONTEXT));
        assertThat(root.get("verdict").asString()).isEqualTo("breaking");
        assertThat(root.get("headers").toString()).isEqualTo("[{\"path\":\"include/uapi/linux/bpf.h\","
                + "\"verdict\":\"breaking\",\"summary\":{\"breaking\":1,\"warning\":0,\"info\":0,\"accepted\":0}},"
                + "{\"path\":\"" + other + "\",\"verdict\":\"compatible\","
                + "\"summary\":{\"breaking\":0,\"warning\":1,\"info\":0,\"accepted\":0}}]");
        assertThat(root.get("findings").get(1).get("location").get("path").asString()).isEqualTo(other);
        assertThat(new TextRenderer().render(two, CONTEXT)).contains("\n  " + other + ": compatible (0 breaking, 1 warning");
        assertThat(new MarkdownRenderer().render(two, CONTEXT)).contains("- include/uapi/linux/bpf.h: breaking (");
    }

    @Test
    void aComparisonThatJudgedNothingSaysSoInEveryFormat() throws Exception {
        Comparison nothing = Comparison.nothingJudged();
        JsonNode json = JSON.readTree(new JsonRenderer().render(nothing, CONTEXT));
        assertThat(json.get("verdict").asString()).isEqualTo("not-applicable");
        assertThat(json.get("headers")).isEmpty();
        assertThat(json.get("findings")).isEmpty();
        JsonNode run = JSON.readTree(new SarifRenderer().render(nothing, CONTEXT)).get("runs").get(0);
        assertThat(run.get("results")).isEmpty();
        JsonNode invocation = run.get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        assertThat(invocation.get("toolExecutionNotifications").get(0).get("message").get("text").asString())
                .isEqualTo("No watched UAPI header changed: nothing was judged.");
        assertThat(new TextRenderer().render(nothing, CONTEXT))
                .isEqualTo("uapiguard: v1.0.0 -> HEAD: not-applicable, no watched UAPI header changed\n");
        assertThat(new MarkdownRenderer().render(nothing, CONTEXT)).contains("HEAD: not-applicable")
                .contains("No watched UAPI header changed").doesNotContain("No findings");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                new JunitRenderer().render(nothing, CONTEXT).getBytes(StandardCharsets.UTF_8)));
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(junit.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        // A comparison judged and clean stays compatible, with its header listed.
        assertThat(new Comparison(List.of(), List.of("include/uapi/linux/bpf.h")).verdict()).isEqualTo("compatible");
    }

    @Test
    void sarifCarriesWhatGitHubCodeScanningRequires() throws Exception {
        JsonNode root = SarifSchema.assertValid(new SarifRenderer().render(COMPARISON, CONTEXT));
        assertThat(root.get("version").asString()).isEqualTo("2.1.0");
        assertThat(root.get("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asString()).isEqualTo("uapiguard");
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(RuleCatalog.standard().infos().size());
        for (JsonNode rule : rules) {
            assertThat(rule.get("id").asString()).isNotBlank();
            assertThat(rule.get("shortDescription").get("text").asString()).isNotBlank();
            assertThat(rule.get("fullDescription").get("text").asString()).isNotBlank();
            assertThat(rule.get("helpUri").asString()).startsWith("https://");
            assertThat(rule.get("defaultConfiguration").get("level").asString()).isIn("error", "warning", "note");
        }
        JsonNode results = run.get("results");
        assertThat(results).hasSize(4);
        for (JsonNode result : results) {
            String ruleId = result.get("ruleId").asString();
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString()).isEqualTo(ruleId);
            assertThat(result.get("message").get("text").asString()).isNotBlank();
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("include/uapi/linux/bpf.h");
            assertThat(physical.get("region").get("startLine").asInt()).isPositive();
            assertThat(result.get("partialFingerprints").size()).isEqualTo(1);
        }
        assertThat(results.get(0).get("level").asString()).isEqualTo("error");
        assertThat(results.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(120);
        assertThat(results.get(1).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .as("unknown line 0 points at line 1").isEqualTo(1);
        assertThat(results.get(1).get("suppressions").get(0).toString())
                .isEqualTo("{\"kind\":\"external\",\"justification\":\"Ok | <b>because</b>\"}");
        assertThat(results.get(2).get("level").asString()).isEqualTo("warning");
        assertThat(results.get(3).get("level").asString()).isEqualTo("note");
    }

    @Test
    void markdownEscapesHeaderDerivedText() {
        String md = new MarkdownRenderer().render(COMPARISON, RenderContext.plain("<img src=x>", "a|b"));
        assertThat(md).doesNotContain("<script", "<img", "<b>");
        assertThat(md).contains("evil&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\|x");
        assertThat(md).startsWith("### uapiguard: &lt;img src=x&gt; → a\\|b: **breaking**\n");
        List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(5);
        for (String row : rows) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(7);
        }
        assertThat(rows.get(1)).isEqualTo("| breaking | api | [helper.removed](" + RuleCatalog.REFERENCE_BASE + "#helperremoved)"
                + " | bpf\\_foo | Helper bpf\\_foo \\(id 42\\) was removed. | include/uapi/linux/bpf.h:120 (old) |");
    }

    @Test
    void junitXmlIsWellFormedWithOneCasePerFindingAndPerSilentRule() throws Exception {
        String xml = new JunitRenderer().render(COMPARISON, CONTEXT);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        int rules = RuleCatalog.standard().infos().size();
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4 + rules - 4);
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.getLength()));
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("classname")).isEqualTo("helper.removed");
        Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("accepted: Ok | <b>because</b>");
        assertThat(((Element) skipped.getParentNode()).getAttribute("name")).isEqualTo(HOSTILE + " (include/uapi/linux/bpf.h:0)");
    }

    @Test
    void textIsColouredOnlyWhenAsked() {
        String plain = new TextRenderer().render(COMPARISON, CONTEXT);
        assertThat(plain).doesNotContain("\u001b[");
        assertThat(plain.lines().toList()).containsExactly(
                "uapiguard: v1.0.0 -> HEAD: breaking (1 breaking, 1 warning, 1 info, 1 accepted)",
                "include/uapi/linux/bpf.h:120 (old): breaking [helper.removed] Helper bpf_foo (id 42) was removed.",
                "include/uapi/linux/bpf.h:0: accepted breaking [struct.field-removed] Field " + HOSTILE
                        + " of struct s was removed. Justification: Ok | <b>because</b>",
                "include/uapi/linux/bpf.h:30: warning [helper.doc-missing] Helper bpf_bar (id 7) has no documented signature any more.",
                "include/uapi/linux/bpf.h:140: info [helper.added] Helper bpf_baz (id 212) was added.");
        String coloured = new TextRenderer().render(COMPARISON, new RenderContext("v1.0.0", "HEAD", true, null));
        assertThat(coloured).contains("\u001b[1;31mbreaking\u001b[0m [helper.removed]");
        assertThat(coloured).contains("\u001b[33mwarning\u001b[0m");
    }

    @Test
    void textSaysWhenThereIsNothingAndWhenAnAcceptanceExpired() {
        assertThat(new TextRenderer().render(new Comparison(List.of()), CONTEXT))
                .isEqualTo("uapiguard: v1.0.0 -> HEAD: compatible, no findings\n");
        Map<String, String> attachments = new LinkedHashMap<>(Map.of("helper", "foo"));
        attachments.put("acceptance-expired", "2026-06-30");
        Comparison c = new Comparison(List.of(new Finding("helper.removed", Severity.BREAKING, "bpf_foo", "Gone.", null, null,
                new Location("h", 3), attachments, false, null)));
        assertThat(new TextRenderer().render(c, CONTEXT)).contains("h:3: breaking [helper.removed] Gone. (its acceptance expired on 2026-06-30)");
    }

    @Test
    void sarifRuleNamesAreThePascalCaseIdsWithMarkdownHelpAndTheDriverHasTheBuildsVersion() throws Exception {
        JsonNode driver = SarifSchema.assertValid(new SarifRenderer().render(COMPARISON, CONTEXT))
                .get("runs").get(0).get("tool").get("driver");
        assertThat(SarifRenderer.name("helper.id-changed")).isEqualTo("HelperIdChanged");
        assertThat(SarifRenderer.name("struct.field-offset-changed")).isEqualTo("StructFieldOffsetChanged");
        for (JsonNode rule : driver.get("rules")) {
            assertThat(rule.get("name").asString()).as(rule.get("id").asString())
                    .isEqualTo(SarifRenderer.name(rule.get("id").asString())).matches("([A-Z][a-z]+)+");
            assertThat(rule.get("help").get("markdown").asString())
                    .startsWith("**" + rule.get("shortDescription").get("text").asString() + "**")
                    .contains("[Reference](" + rule.get("helpUri").asString() + ")");
        }
        // One source of truth: the version Maven filtered into the build, which is the POM's.
        Matcher pom = Pattern.compile("<artifactId>uapiguard</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();
        assertThat(driver.get("version").asString()).isEqualTo(pom.group(1)).isEqualTo(UapiguardVersion.get());
        assertThat(driver.get("semanticVersion").asString()).isEqualTo(pom.group(1));
    }

    @Test
    void sarifNamesTheRunByRepositoryAndPathAndTheBaseRevision() throws Exception {
        RenderContext context = CONTEXT.with(new RenderContext.Source("linux", "include/uapi/linux/bpf.h",
                "https://git.kernel.org/linux.git", "0123456789abcdef0123456789abcdef01234567"));
        JsonNode run = SarifSchema.assertValid(new SarifRenderer().render(COMPARISON, context)).get("runs").get(0);
        assertThat(run.get("automationDetails").get("id").asString()).isEqualTo("uapiguard/linux/include/uapi/linux/bpf.h/");
        assertThat(run.get("versionControlProvenance").get(0).get("repositoryUri").asString())
                .isEqualTo("https://git.kernel.org/linux.git");
        assertThat(run.get("versionControlProvenance").get(0).get("revisionId").asString())
                .isEqualTo("0123456789abcdef0123456789abcdef01234567");
        JsonNode bare = SarifSchema.assertValid(new SarifRenderer().render(COMPARISON, CONTEXT)).get("runs").get(0);
        assertThat(bare.get("automationDetails").get("id").asString()).isEqualTo("uapiguard/include/uapi/linux/bpf.h/");
        assertThat(bare.has("versionControlProvenance")).as("no base revision known").isFalse();
    }

    @Test
    void aRemovalLeftOnTheOldLineNamesTheOldRevisionsFileAndAPlacedOneCarriesItsOldLine() throws Exception {
        // COMPARISON's first finding is a removal at line 120 of the old header (a stored comparison).
        JsonNode unplaced = SarifSchema.assertValid(new SarifRenderer().render(COMPARISON, CONTEXT))
                .get("runs").get(0).get("results").get(0);
        assertThat(unplaced.get("locations").get(0).get("physicalLocation").get("artifactLocation").toString())
                .isEqualTo("{\"uri\":\"include/uapi/linux/bpf.h\",\"uriBaseId\":\"OLD\"}");
        assertThat(unplaced.has("relatedLocations")).isFalse();
        assertThat(new TextRenderer().render(COMPARISON, CONTEXT)).contains("include/uapi/linux/bpf.h:120 (old): breaking");

        Comparison placed = COMPARISON.placeRemovals(() -> line -> line + 200);
        JsonNode result = SarifSchema.assertValid(new SarifRenderer().render(placed, CONTEXT))
                .get("runs").get(0).get("results").get(0);
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").toString()).isEqualTo("{\"uri\":\"include/uapi/linux/bpf.h\"}");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(320);
        JsonNode related = result.get("relatedLocations").get(0);
        assertThat(related.get("message").get("text").asString()).isEqualTo("Removed from line 120 of v1.0.0");
        assertThat(related.get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(120);
        assertThat(result.get("properties").get("oldLine").asString()).isEqualTo("120");
        assertThat(result.get("partialFingerprints").toString()).as("the fingerprint ignores where the line went")
                .isEqualTo(unplaced.get("partialFingerprints").toString());
        assertThat(new TextRenderer().render(placed, CONTEXT))
                .contains("include/uapi/linux/bpf.h:320: breaking [helper.removed] Helper bpf_foo (id 42) was removed."
                        + " (removed at old line 120)");
        assertThat(new MarkdownRenderer().render(placed, CONTEXT)).contains("| include/uapi/linux/bpf.h:320 (removed at old line 120) |");
        assertThat(JSON.readTree(new JsonRenderer().render(placed, CONTEXT)).get("findings").get(0).get("attachments")
                .get("oldLine").asString()).isEqualTo("120");
    }

    @Test
    void formatsByNameAndAnUnknownOneListsTheValidOnes() {
        assertThat(Renderers.all()).extracting(Renderer::format).containsExactly("text", "json", "sarif", "markdown", "junit");
        assertThat(Renderers.forFormat("sarif")).isInstanceOf(SarifRenderer.class);
        UapiguardException e = catchThrowableOfType(UapiguardException.class, () -> Renderers.forFormat("xml"));
        assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
        assertThat(e.getMessage()).isEqualTo("unknown format 'xml': expected one of text, json, sarif, markdown, junit");
    }
}
