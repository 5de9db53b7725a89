package io.uapiguard.cli;

import static io.uapiguard.cli.TestRepos.HEADER;
import static io.uapiguard.cli.TestRepos.LINK;
import static io.uapiguard.cli.TestRepos.LINK_TEXT;
import static io.uapiguard.cli.TestRepos.LINK_WITHOUT_FD;
import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.output.SarifSchema;
import io.uapiguard.patch.RemovalScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckCommandTest {

    @TempDir
    Path dir;

    Git git;

    @BeforeEach
    void repository() throws Exception {
        git = TestRepos.init(dir);
        TestRepos.commitHeader(git, "helpers-v1.h", "v1");
    }

    @Test
    void anUnchangedWorkingTreeIsNotApplicableInOneLine() {
        CliRun run = CliRun.run("check", "--repo", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("uapiguard: HEAD -> working tree: not-applicable, no watched UAPI header changed\n");
        CliRun json = CliRun.run("check", "--repo", dir.toString(), "--format", "json");
        assertThat(json.out()).contains("\"verdict\" : \"not-applicable\"");
    }

    static final String TOOLS = "tools/include/uapi/linux/bpf.h";

    @Test
    void byDefaultEveryChangedUapiHeaderIsJudgedAddedAndRemovedOnesIncludedEachFindingNamingItsHeader()
            throws Exception {
        String gone = "include/uapi/linux/gone.h";
        String added = "include/uapi/linux/netfilter/added.h";
        TestRepos.commit(git, LINK, LINK_TEXT, "if_link.h");
        TestRepos.commit(git, gone, "#define GONE 1\n", "a header to remove");
        TestRepos.commit(git, "tools/lib/bpf/libbpf.h", "#define LIBBPF 1\n", "not a UAPI header");
        Files.writeString(dir.resolve(HEADER), CliRun.fixture("helpers-renumbered.h"));
        Files.writeString(dir.resolve(LINK), LINK_WITHOUT_FD);
        Files.delete(dir.resolve(gone));
        Files.createDirectories(dir.resolve(added).getParent());
        Files.writeString(dir.resolve(added), "#define ADDED 1\n");
        Files.writeString(dir.resolve("tools/lib/bpf/libbpf.h"), "#define LIBBPF 2\n");

        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--format", "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode result = JsonMapper.builder().build().readTree(run.out());
        assertThat(result.get("headers").valueStream().map(h -> h.get("path").asString()))
                .containsExactly(HEADER, gone, LINK, added);
        assertThat(result.get("findings").valueStream().map(f -> f.get("location").get("path").asString() + " "
                + f.get("rule").asString())).contains(HEADER + " helper.id-changed", LINK + " enum.removed",
                gone + " header.removed", added + " header.added");
        JsonNode removed = result.get("findings").valueStream()
                .filter(f -> f.get("rule").asString().equals("enum.removed")).findFirst().orElseThrow();
        assertThat(removed.get("location").get("line").asInt()).as("placed in the new if_link.h").isEqualTo(3);
    }

    @Test
    void eachSideFindsItsIncludesInItsOwnTree() throws Exception {
        String common = "include/uapi/linux/common.h";
        String user = "include/uapi/linux/user.h";
        TestRepos.commit(git, common, "#define COMMON_VALUE 1\n", "common.h");
        TestRepos.commit(git, user, "#include <linux/common.h>\n#define USER_VALUE COMMON_VALUE\n", "user.h");
        Files.writeString(dir.resolve(common), "#define COMMON_VALUE 2\n");
        Files.writeString(dir.resolve(user), "/* touched */\n#include <linux/common.h>\n#define USER_VALUE COMMON_VALUE\n");

        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--path", user, "--format", "json");

        JsonNode result = JsonMapper.builder().build().readTree(run.out());
        JsonNode changed = result.get("findings").valueStream()
                .filter(f -> f.get("symbol").asString().equals("USER_VALUE")).findFirst().orElseThrow();
        assertThat(changed.get("rule").asString()).isEqualTo("define.value-changed");
        assertThat(changed.get("old").asString() + " -> " + changed.get("new").asString()).isEqualTo("1 -> 2");
        assertThat(run.out()).doesNotContain("model.incomplete");
    }

    @Test
    void aLiteralPathStillJudgesThatHeaderAlone() throws Exception {
        TestRepos.commit(git, LINK, LINK_TEXT, "if_link.h");
        Files.writeString(dir.resolve(HEADER), CliRun.fixture("helpers-renumbered.h"));
        Files.writeString(dir.resolve(LINK), LINK_WITHOUT_FD);

        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--path", LINK, "--format", "json");

        JsonNode result = JsonMapper.builder().build().readTree(run.out());
        assertThat(result.get("headers").valueStream().map(h -> h.get("path").asString())).containsExactly(LINK);
        assertThat(run.out()).doesNotContain("helper.id-changed");
    }

    @Test
    void changingBpfHAloneLeavesTheWatchedToolsCopyOutOfSyncAndChangingBothAlikeDoesNot() throws Exception {
        TestRepos.commit(git, TOOLS, CliRun.fixture("helpers-v1.h"), "tools copy");
        Files.writeString(dir.resolve(HEADER), CliRun.fixture("helpers-appended.h"));
        CliRun alone = CliRun.run("check", "--repo", dir.toString(), "--path", HEADER, "--path", TOOLS,
                "--format", "json", "--fail-on", "warning");
        assertThat(alone.exit()).as(alone.err()).isEqualTo(1);
        JsonNode result = JsonMapper.builder().build().readTree(alone.out());
        assertThat(result.get("headers").valueStream().map(h -> h.get("path").asString())).containsExactly(HEADER);
        assertThat(result.get("findings").valueStream().map(f -> f.get("rule").asString())).contains("copy.out-of-sync");

        Files.writeString(dir.resolve(TOOLS), CliRun.fixture("helpers-appended.h"));
        CliRun both = CliRun.run("check", "--repo", dir.toString(), "--path", HEADER, "--path", TOOLS,
                "--fail-on", "warning");
        assertThat(both.exit()).as(both.out()).isZero();
        assertThat(both.out()).doesNotContain("copy.out-of-sync");
    }

    @Test
    void aChangeToTheToolsCopyAloneIsJudgedAndAMirrorsKeyCanTurnTheCopyCheckOff() throws Exception {
        TestRepos.commit(git, TOOLS, CliRun.fixture("helpers-v1.h"), "tools copy");
        Files.writeString(dir.resolve(TOOLS), CliRun.fixture("helpers-appended.h"));
        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--path", HEADER, "--path", TOOLS);
        assertThat(run.out()).contains(TOOLS + ":").contains("helper.added").contains("copy.out-of-sync");
        Files.writeString(dir.resolve(".uapiguard.yml"), "mirrors: []\n");
        CliRun off = CliRun.run("check", "--repo", dir.toString(), "--path", HEADER, "--path", TOOLS);
        assertThat(off.out()).contains("helper.added").doesNotContain("copy.out-of-sync");
    }

    @Test
    void anUncommittedRenumberingFailsAgainstHead() throws Exception {
        Files.writeString(dir.resolve(HEADER), CliRun.fixture("helpers-renumbered.h"));
        CliRun run = CliRun.run("check", "--repo", dir.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("helper.id-changed");
    }

    @Test
    void comparesWithTheUpstreamOfTheCurrentBranchByDefault() throws Exception {
        // upstream-main keeps v1; main commits the renumbering; the working tree equals main's HEAD.
        git.branchCreate().setName("upstream-main").call();
        TestRepos.commitHeader(git, "helpers-renumbered.h", "renumber");
        assertThat(CliRun.run("check", "--repo", dir.toString()).exit()).isZero();
        StoredConfig config = git.getRepository().getConfig();
        config.setString("branch", "main", "remote", ".");
        config.setString("branch", "main", "merge", "refs/heads/upstream-main");
        config.save();
        CliRun run = CliRun.run("check", "--repo", dir.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(CliRun.run("check", "--repo", dir.toString(), "--against", "HEAD").exit()).isZero();
    }

    @Test
    void anAcceptanceInTheRepositoryPolicyLetsTheChangeThrough() throws Exception {
        Files.writeString(dir.resolve(HEADER), CliRun.fixture("helpers-renumbered.h"));
        CliRun blocked = CliRun.run("check", "--repo", dir.toString(), "--format", "json");
        assertThat(blocked.exit()).isEqualTo(1);
        StringBuilder yaml = new StringBuilder("version: 1\naccept:\n");
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(blocked.out()).get("findings")
                .forEach(f -> yaml.append("  - rule: ").append(f.get("rule").asString()).append('\n')
                        .append("    symbol: \"").append(f.get("symbol").asString()).append("\"\n")
                        .append("    justification: test fixture renumbers on purpose\n"));
        Files.writeString(dir.resolve(".uapiguard.yml"), yaml);
        CliRun accepted = CliRun.run("check", "--repo", dir.toString());
        assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();
    }

    @Test
    void everyRepeatedPathIsChecked() throws Exception {
        String copy = "tools/include/uapi/linux/bpf.h";
        TestRepos.commitHeader(git, "helpers-v1.h", "v1 again");
        TestRepos.commit(git, copy, CliRun.fixture("helpers-v1.h"), "tools copy");
        Files.writeString(dir.resolve(copy), CliRun.fixture("helpers-renumbered.h"));
        assertThat(CliRun.run("check", "--repo", dir.toString()).exit()).isZero();
        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--format", "json",
                "--path", HEADER, "--path", "./" + copy);
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        var findings = tools.jackson.databind.json.JsonMapper.builder().build().readTree(run.out()).get("findings");
        assertThat(findings.valueStream().map(f -> f.get("location").get("path").asString()).distinct())
                .containsExactly(copy);
    }

    @Test
    void aPathMissingFromTheRevisionIsExitTwoNamingIt() {
        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--path", "include/uapi/linux/btf.h");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("uapiguard: path 'include/uapi/linux/btf.h' does not exist in revision"
                + " 'HEAD'" + System.lineSeparator());
    }

    @Test
    void anUnknownRevisionIsExitTwo() {
        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--against", "no-such-branch");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown revision 'no-such-branch'");
    }

    @Test
    void aMalformedConfigIsExitTwo() throws Exception {
        Files.writeString(dir.resolve(".uapiguard.yml"), "version: 1\nnonsense: [\n");
        CliRun run = CliRun.run("check", "--repo", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("uapiguard: " + dir.resolve(".uapiguard.yml"));
    }

    /** A project's consumer whose regex backtracks without end is stopped by its bound: exit 2 naming it, no hang. */
    @Test
    void aCatastrophicConsumerRegexIsExitTwoNamingTheConsumerAndItsLine() throws Exception {
        Files.writeString(dir.resolve(".uapiguard.yml"), """
                consumers:
                  - name: our generator
                    source: https://example.org/gen.awk
                    commit: 0123abcd
                    extract: {capture: '(x+x+){1,50}y', expect: helpers}
                """);
        Files.writeString(dir.resolve(HEADER), CliRun.fixture("helpers-v1.h") + "/* " + "x".repeat(40) + " */\n");
        long start = System.nanoTime();
        CliRun run = CliRun.run("check", "--repo", dir.toString());
        assertThat(run.exit()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).startsWith("uapiguard: " + dir.resolve(".uapiguard.yml") + ":2")
                .contains("consumer our generator").contains("catastrophic backtracking");
        assertThat(System.nanoTime() - start).as("bounded: about a second, never a hang").isLessThan(30_000_000_000L);
    }

    /** Issue 16's acceptance through {@code check}: the working tree's removal placed in the working tree's file. */
    @Test
    void aRemovalInTheWorkingTreeIsPlacedWhereItHappenedInSarif() throws Exception {
        TestRepos.commit(git, HEADER, RemovalScenario.OLD_TEXT, "kernel-like");
        Files.writeString(dir.resolve(HEADER), RemovalScenario.NEW_TEXT);
        CliRun run = CliRun.run("check", "--repo", dir.toString(), "--format", "sarif");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode removal = SarifSchema.assertValid(run.out()).get("runs").get(0).get("results").valueStream()
                .filter(r -> r.get("ruleId").asString().equals("enum.removed")).findFirst().orElseThrow();
        assertThat(removal.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(RemovalScenario.NEW_LINE);
        assertThat(removal.get("properties").get("oldLine").asString())
                .isEqualTo(Integer.toString(RemovalScenario.OLD_LINE));
    }
}
