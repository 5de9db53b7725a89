package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void comparesEveryConsecutivePairOfTheHistoryOnce() throws Exception {
        Git git = TestRepos.init(dir);
        TestRepos.commitHeader(git, "helpers-v1.h", "v1");
        TestRepos.commit(git, "README", "docs\n", "not a revision of the header");
        TestRepos.commitHeader(git, "helpers-appended.h", "append");
        TestRepos.commitHeader(git, "helpers-renumbered.h", "renumber");
        CliRun run = CliRun.run("bench", "--repo", dir.toString(), "--threads", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("revisions: 3 (0 did not parse), pairs compared: 2,"
                + " pairs with breaking findings: 1").contains("helper.added").contains("helper.id-changed");
    }

    @Test
    void readsNumberedFilesInNameOrder() throws Exception {
        Files.writeString(dir.resolve("000.h"), CliRun.fixture("helpers-v1.h"));
        Files.writeString(dir.resolve("001.h"), CliRun.fixture("helpers-appended.h"));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        CliRun run = CliRun.run("bench", "--files", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("revisions: 2 (0 did not parse), pairs compared: 1,"
                + " pairs with breaking findings: 0");
    }

    @Test
    void aRevisionThatDoesNotParseSkipsItsTwoPairsAndFailsTheRun() throws Exception {
        Files.writeString(dir.resolve("000.h"), CliRun.fixture("helpers-v1.h"));
        Files.writeString(dir.resolve("001.h"), "enum bpf_func_id { BPF_FUNC_unspec,\n");
        Files.writeString(dir.resolve("002.h"), CliRun.fixture("helpers-appended.h"));
        Files.writeString(dir.resolve("003.h"), CliRun.fixture("helpers-renumbered.h"));
        CliRun run = CliRun.run("bench", "--files", dir.toString(), "--threads", "2");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("001.h:1:");
        assertThat(run.out()).startsWith("revisions: 4 (1 did not parse), pairs compared: 1,"
                + " pairs with breaking findings: 1").contains("helper.id-changed").doesNotContain("helper.added");
    }
}
