package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.history.Registrations;
import io.uapiguard.model.Mirror;
import io.uapiguard.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uapiguard ingest} and {@code uapiguard revisions}: exit codes and what they print. */
class IngestCommandTest {

    @TempDir
    Path tmp;

    private TestDatabase.Fresh db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.get().create("cli");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs the CLI in-process on this test's database; output captured through the CLI's own writers. */
    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", db.url(), "--db-user", db.user(), "--db-password", db.password()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = UapiguardCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path repository() throws Exception {
        Path dir = tmp.resolve("kernel");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Path header = dir.resolve("include/uapi/linux/bpf.h");
            Files.createDirectories(header.getParent());
            Files.writeString(header, "/* not a real header */\nenum bpf_func_id { BPF_FUNC_unspec };\n");
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("A U Thor", "a@example.org", Instant.ofEpochSecond(1_700_000_000L),
                    ZoneOffset.UTC);
            git.commit().setMessage("first header").setAuthor(who).setCommitter(who).call();
            git.tag().setName("v1.0").setAnnotated(false).call();
        }
        return dir;
    }

    @Test
    void ingestingAPathRegistersItUnderItsNameAndPrintsASummaryAndPlainProgress() throws Exception {
        Path repo = repository();

        Run first = run("ingest", repo.toString(), "--no-progress", "--cache-dir", tmp.resolve("cache").toString());
        Run second = run("ingest", "kernel", "--no-progress");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("kernel: 1 revisions (1 new), 1 blobs parsed (");
        assertThat(first.err()).contains("ingest: walk", "ingest: parse 1/1", "ingest: record 1/1");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).startsWith("kernel: 1 revisions (0 new), 0 blobs parsed (0 did not parse), ");

        Run revisions = run("revisions", "kernel");
        assertThat(revisions.exit()).isZero();
        assertThat(revisions.out()).matches("[0-9a-f]{12}  2023-11-14  \\(v1\\.0\\) first header\\R");
    }

    @Test
    void mirrorsGivenAtRegistrationAreStoredAndNoneLeavesNoPairs() throws Exception {
        Path repo = repository();
        String cache = tmp.resolve("cache").toString();
        Run bad = run("ingest", repo.toString(), "--no-progress", "--cache-dir", cache, "--mirror", "include/uapi/");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--mirror expects ORIGINAL=COPY or none, got 'include/uapi/'");

        Run given = run("ingest", repo.toString(), "--no-progress", "--cache-dir", cache,
                "--mirror", "include/uapi/=tools/include/uapi/", "--mirror", "a/x.h=b/x.h");
        assertThat(given.exit()).as(given.err()).isZero();
        Registrations registrations = new Registrations(db.dataSource());
        assertThat(registrations.resolveOrRegister("kernel", null).mirrors())
                .containsExactly(Mirror.KERNEL_TOOLS, new Mirror("a/x.h", "b/x.h"));
        assertThat(run("ingest", "kernel", "--no-progress").exit()).isZero();
        assertThat(registrations.resolveOrRegister("kernel", null).mirrors()).as("kept when not given").hasSize(2);
        assertThat(run("ingest", "kernel", "--no-progress", "--mirror", "none").exit()).isZero();
        assertThat(registrations.resolveOrRegister("kernel", null).mirrors()).isEmpty();
    }

    @Test
    void revisionsAndDiffTagsTakeTheLocationThatWasIngestedAsWellAsTheNameThatIngestPrints() throws Exception {
        Path repo = repository();

        Run ingest = run("ingest", repo.toString(), "--no-progress", "--cache-dir", tmp.resolve("cache").toString());
        Run byLocation = run("revisions", repo.toString());
        Run byRelativeLocation = run("revisions", Path.of("").toAbsolutePath().relativize(repo).toString());
        Run diffByLocation = run("diff", "--tags", "v1.0", "v1.0", "--repo", repo.toString());

        assertThat(ingest.out()).contains("Stored as 'kernel' (from " + repo + "): 'uapiguard revisions kernel'");
        assertThat(byLocation.exit()).as(byLocation.err()).isZero();
        assertThat(byLocation.out()).matches("[0-9a-f]{12}  2023-11-14  \\(v1\\.0\\) first header\\R");
        assertThat(byRelativeLocation.out()).isEqualTo(byLocation.out());
        assertThat(diffByLocation.exit()).as(diffByLocation.err()).isZero();
    }

    @Test
    void revisionsOfAnExistingPathNeverIngestedSaysSoAndTheNameItWouldGet() throws Exception {
        Path repo = repository();

        Run revisions = run("revisions", repo.toString());

        assertThat(revisions.exit()).isEqualTo(2);
        assertThat(revisions.err()).contains("no repository is registered for " + repo + " (it would be named 'kernel')");
    }

    @Test
    void aPathThatIsNotARepositoryIsAUsageErrorWithAClearMessage() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        Run run = run("ingest", plain.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("uapiguard: " + plain + ": not a git repository" + System.lineSeparator());
    }

    @Test
    void anUnknownNameIsNotFound() {
        Run ingest = run("ingest", "no-such-repository");
        Run revisions = run("revisions", "no-such-repository");

        assertThat(ingest.exit()).isEqualTo(2);
        assertThat(ingest.err()).contains("no repository named 'no-such-repository' is registered, and it is not a"
                + " path, bundle or URL");
        assertThat(revisions.exit()).isEqualTo(2);
        assertThat(revisions.err()).contains("uapiguard: no repository named 'no-such-repository'");
    }

    @Test
    void diffWithTagsComparesTwoStoredRevisionsAndFailsOnARenumberedHelper() throws Exception {
        Path dir = tmp.resolve("kernel");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Path header = dir.resolve("include/uapi/linux/bpf.h");
            Files.createDirectories(header.getParent());
            int n = 0;
            for (String side : List.of("old", "new")) {
                Files.copy(Path.of("src/test/resources/compat/helper.id-changed/" + side + ".h"), header,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                git.add().addFilepattern(".").call();
                PersonIdent who = new PersonIdent("A U Thor", "a@example.org",
                        Instant.ofEpochSecond(1_700_000_000L + n), ZoneOffset.UTC);
                git.commit().setMessage(side + " header").setAuthor(who).setCommitter(who).call();
                git.tag().setName("v1." + n++).setAnnotated(false).call();
            }
        }
        assertThat(run("ingest", dir.toString(), "--no-progress", "--cache-dir", tmp.resolve("cache").toString()).exit())
                .isZero();

        Run diff = run("diff", "--tags", "v1.0", "v1.1", "--repo", "kernel", "--format", "json");
        Run same = run("diff", "--tags", "v1.1", "v1.1", "--repo", "kernel");
        Run unknown = run("diff", "--tags", "v1.0", "v9.9", "--repo", "kernel");
        Run noRepo = run("diff", "--tags", "v1.0", "v1.1");

        assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
        assertThat(diff.out()).contains("\"verdict\" : \"breaking\"", "\"rule\" : \"helper.id-changed\"",
                "\"symbol\" : \"bpf_foo\"");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no tag or recorded revision 'v9.9' in kernel");
        assertThat(noRepo.exit()).isEqualTo(2);
        assertThat(noRepo.err()).contains("--tags needs --repo NAME");
    }
}
