package io.uapiguard.cli;

import static io.uapiguard.cli.CliRun.fixtureFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.output.SarifSchema;
import io.uapiguard.patch.RemovalScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void identicalHeadersAreCompatibleAndExitZero() {
        String v1 = fixtureFile(dir, "helpers-v1.h");
        CliRun run = CliRun.run("diff", v1, v1);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void renumberingAHelperExitsOneAndNamesTheRule() {
        CliRun run = CliRun.run("diff", fixtureFile(dir, "helpers-v1.h"), fixtureFile(dir, "helpers-renumbered.h"));
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("helper.id-changed");
    }

    /** A header whose helpers carry explicit ids in the mapper, as bpf.h has since 2022. */
    private static String explicitIds(String... entries) {
        StringBuilder mapper = new StringBuilder();
        for (String e : entries) {
            mapper.append("\\\n\tFN(").append(e).append(", ##ctx)");
        }
        return "#define ___BPF_FUNC_MAPPER(FN, ctx...)" + mapper + "\n"
                + "#define __BPF_ENUM_FN(x, y) BPF_FUNC_ ## x = y,\n"
                + "enum bpf_func_id {\n\t___BPF_FUNC_MAPPER(__BPF_ENUM_FN)\n\t__BPF_FUNC_MAX_ID,\n};\n";
    }

    @Test
    void renumberingAHelperOntoAnExistingIdIsAlsoABreakingDuplicateIdFinding() throws Exception {
        Path old = Files.writeString(dir.resolve("old.h"),
                explicitIds("unspec, 0", "map_lookup_elem, 1", "map_update_elem, 7"));
        Path now = Files.writeString(dir.resolve("new.h"),
                explicitIds("unspec, 0", "map_lookup_elem, 7", "map_update_elem, 7"));

        CliRun run = CliRun.run("diff", "--format", "json", old.toString(), now.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("findings").valueStream().map(f -> f.get("rule").asString() + " "
                + f.get("severity").asString() + " " + f.get("symbol").asString() + ": " + f.get("message").asString()))
                .containsExactly(
                        "helper.duplicate-id breaking bpf_map_update_elem: Helper bpf_map_update_elem (id 7) has the"
                                + " same id as bpf_map_lookup_elem (line 3).",
                        "helper.id-changed breaking bpf_map_lookup_elem: Helper bpf_map_lookup_elem changed its id"
                                + " from 1 to 7.");
        // A duplicate that the old header already had is not reported again.
        assertThat(CliRun.run("diff", now.toString(), now.toString()).exit()).isZero();
    }

    @Test
    void jsonOutputParsesAndCarriesTheVerdictAndFindings() {
        CliRun run = CliRun.run("diff", "--format", "json",
                fixtureFile(dir, "helpers-v1.h"), fixtureFile(dir, "helpers-renumbered.h"));
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.get("verdict").asString()).isEqualTo("breaking");
        assertThat(json.get("findings").valueStream().map(f -> f.get("rule").asString()))
                .contains("helper.id-changed");
    }

    @Test
    void failOnDecidesWhichSeverityFails() {
        String v1 = fixtureFile(dir, "helpers-v1.h");
        String appended = fixtureFile(dir, "helpers-appended.h");
        String renumbered = fixtureFile(dir, "helpers-renumbered.h");
        // Appending a helper is info (helper.added): only --fail-on info fails on it.
        assertThat(CliRun.run("diff", v1, appended).exit()).isZero();
        assertThat(CliRun.run("diff", "--fail-on", "warning", v1, appended).exit()).isZero();
        assertThat(CliRun.run("diff", "--fail-on", "info", v1, appended).exit()).isEqualTo(1);
        assertThat(CliRun.run("diff", "--fail-on", "never", v1, renumbered).exit()).isZero();
        assertThat(CliRun.run("diff", "--fail-on", "BREAKING", v1, renumbered).exit()).isEqualTo(1);
    }

    @Test
    void failOnAnImpactFailsOnlyOnFindingsThatBreakThatMuch() {
        String v1 = fixtureFile(dir, "helpers-v1.h");
        String appended = fixtureFile(dir, "helpers-appended.h");
        String renumbered = fixtureFile(dir, "helpers-renumbered.h");
        // A renumbered helper (helper.id-changed) breaks binaries; an appended one (helper.added) breaks nothing.
        assertThat(CliRun.run("diff", "--fail-on", "abi", v1, renumbered).exit()).isEqualTo(1);
        assertThat(CliRun.run("diff", "--fail-on", "text", v1, renumbered).exit()).isEqualTo(1);
        assertThat(CliRun.run("diff", "--fail-on", "text", v1, appended).exit()).isZero();
    }

    @Test
    void aMissingFileIsExitTwoWithAMessageNamingIt() {
        String v1 = fixtureFile(dir, "helpers-v1.h");
        String missing = dir.resolve("nope.h").toString();
        CliRun run = CliRun.run("diff", v1, missing);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("uapiguard: no such file: " + missing
                + " (to read a header from git, write REV:PATH)" + System.lineSeparator());
    }

    @Test
    void aParseErrorIsExitTwoWithFileLineAndColumn() {
        String broken = fixtureFile(dir, "broken.h");
        CliRun run = CliRun.run("diff", fixtureFile(dir, "helpers-v1.h"), broken);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).matches("uapiguard: " + java.util.regex.Pattern.quote(broken) + ":\\d+:\\d+: (?s).+");
    }

    @Test
    void usageErrorsExitTwo() {
        String v1 = fixtureFile(dir, "helpers-v1.h");
        assertThat(CliRun.run("diff", v1).exit()).isEqualTo(2);
        CliRun badFormat = CliRun.run("diff", "--format", "xml", v1, v1);
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("expected one of text, json, sarif, markdown, junit, got 'xml'");
        CliRun badLevel = CliRun.run("diff", "--fail-on", "sometimes", v1, v1);
        assertThat(badLevel.exit()).isEqualTo(2);
        assertThat(badLevel.err()).contains("expected breaking, warning, info or never, got 'sometimes'");
    }

    @Test
    void revPathSidesAreReadFromTheRepository() throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        Path header = dir.resolve("include/uapi/linux/bpf.h");
        Files.createDirectories(header.getParent());
        Files.writeString(header, CliRun.fixture("helpers-v1.h"));
        git.add().addFilepattern(".").call();
        git.commit().setMessage("v1").setAuthor("t", "t@example.org").setSign(false).call();
        Files.writeString(header, CliRun.fixture("helpers-renumbered.h"));
        git.commit().setAll(true).setMessage("renumber").setAuthor("t", "t@example.org").setSign(false).call();

        CliRun run = CliRun.run("diff", "--repo", dir.toString(),
                "HEAD~1:include/uapi/linux/bpf.h", "HEAD:include/uapi/linux/bpf.h");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("helper.id-changed");

        CliRun unknown = CliRun.run("diff", "--repo", dir.toString(), "v9:include/uapi/linux/bpf.h",
                "HEAD:include/uapi/linux/bpf.h");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown revision 'v9'");
    }

    @Test
    void aBinaryFileIsSaidToBeNotTextNotAJavaMessage(@TempDir Path elsewhere) throws Exception {
        Path binary = elsewhere.resolve("bin.h");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xff, (byte) 0xfe, 0, 1});
        CliRun run = CliRun.run("diff", fixtureFile(dir, "helpers-v1.h"), binary.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read " + binary + ": not UTF-8 text (a binary file?)")
                .doesNotContain("Input length");
    }

    @Test
    void aRevPathOutsideAnyRepositoryIsExitTwo(@TempDir Path elsewhere) {
        CliRun run = CliRun.run("diff", "--repo", elsewhere.toString(), "HEAD:a.h", "HEAD:b.h");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("uapiguard: not a git repository");
    }

    /** Issue 16's acceptance through the CLI: two texts compared whole, the removal placed through a line diff. */
    @Test
    void aRemovalIsPlacedWhereItsTextWasRemovedInTheNewFileWithTheOldLineAsARelatedLocation() throws Exception {
        Path old = dir.resolve("old.h");
        Path now = dir.resolve("new.h");
        Files.writeString(old, RemovalScenario.OLD_TEXT);
        Files.writeString(now, RemovalScenario.NEW_TEXT);
        CliRun run = CliRun.run("diff", "--format", "sarif", old.toString(), now.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode result = SarifSchema.assertValid(run.out()).get("runs").get(0).get("results").valueStream()
                .filter(r -> r.get("ruleId").asString().equals("enum.removed")).findFirst().orElseThrow();
        JsonNode where = result.get("locations").get(0).get("physicalLocation");
        assertThat(where.get("artifactLocation").get("uri").asString()).isEqualTo(now.toUri().toString());
        assertThat(where.get("region").get("startLine").asInt()).isEqualTo(RemovalScenario.NEW_LINE);
        JsonNode related = result.get("relatedLocations").get(0).get("physicalLocation");
        assertThat(related.get("artifactLocation").get("uri").asString()).isEqualTo(old.toUri().toString());
        assertThat(related.get("region").get("startLine").asInt()).isEqualTo(RemovalScenario.OLD_LINE);

        // The text and Markdown reports anchor it the same way.
        String text = CliRun.run("diff", old.toString(), now.toString()).out();
        assertThat(text).contains(now + ":" + RemovalScenario.NEW_LINE + ": breaking [enum.removed]")
                .contains("(removed at old line " + RemovalScenario.OLD_LINE + ")");
        assertThat(CliRun.run("diff", "--format", "markdown", old.toString(), now.toString()).out())
                .contains(":" + RemovalScenario.NEW_LINE + " (removed at old line " + RemovalScenario.OLD_LINE + ")");
    }

    @Test
    void sarifOfTwoRevisionsNamesTheRepositoryPathAndBaseCommit() throws Exception {
        Git git = TestRepos.init(dir);
        var base = TestRepos.commit(git, RemovalScenario.PATH, RemovalScenario.OLD_TEXT, "v1");
        TestRepos.commit(git, RemovalScenario.PATH, RemovalScenario.NEW_TEXT, "remove an enumerator");
        CliRun run = CliRun.run("diff", "--repo", dir.toString(), "--format", "sarif",
                "HEAD~1:" + RemovalScenario.PATH, "HEAD:" + RemovalScenario.PATH);
        JsonNode sarif = SarifSchema.assertValid(run.out()).get("runs").get(0);
        assertThat(sarif.get("automationDetails").get("id").asString())
                .isEqualTo("uapiguard/" + dir.getFileName() + "/" + RemovalScenario.PATH + "/");
        assertThat(sarif.get("versionControlProvenance").get(0).get("revisionId").asString()).isEqualTo(base.name());
        JsonNode removal = sarif.get("results").valueStream()
                .filter(r -> r.get("ruleId").asString().equals("enum.removed")).findFirst().orElseThrow();
        assertThat(removal.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(RemovalScenario.NEW_LINE);
        assertThat(removal.get("relatedLocations").get(0).get("physicalLocation").get("artifactLocation").toString())
                .isEqualTo("{\"uri\":\"" + RemovalScenario.PATH + "\",\"uriBaseId\":\"OLD\"}");
    }
}
