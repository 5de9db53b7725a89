package io.uapiguard.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/** The real history of bpf.h: the same answers with and without commit-graph Bloom filters. */
@Execution(ExecutionMode.CONCURRENT)
class GitHeadersCorpusTest {

    static List<Corpus.Revision> revisions;

    @TempDir
    static Path dir;

    static Path withBloom;

    @BeforeAll
    static void corpus() throws Exception {
        Corpus corpus = Corpus.require();
        revisions = corpus.revisions();
        // A second clone whose commit-graph carries changed-path Bloom filters, so the walks can use them.
        withBloom = dir.resolve("bloom.git");
        try (Git git = Git.cloneRepository().setURI(corpus.bundle().toUri().toString()).setBare(true)
                .setDirectory(withBloom.toFile()).setCloneAllBranches(true).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("core", null, "commitGraph", true);
            config.setBoolean("gc", null, "writeCommitGraph", true);
            config.setBoolean("gc", null, "writeChangedPaths", true);
            config.setBoolean("commitGraph", null, "readChangedPaths", true);
            config.save();
            git.gc().call();
        }
        assertThat(withBloom.resolve("objects/info/commit-graph")).exists();
    }

    @Test
    void historyListsEveryRevisionOfTheHeaderOldestFirst() {
        for (GitHeaders headers : List.of(GitHeaders.open(Corpus.require().repository().getDirectory().toPath()),
                GitHeaders.open(withBloom))) {
            try (headers) {
                List<GitHeaders.FileRevision> history = headers.history("master", Corpus.HEADER_PATH);
                assertThat(history).hasSize(408);
                assertThat(history).extracting(GitHeaders.FileRevision::blob)
                        .containsExactlyElementsOf(revisions.stream().map(Corpus.Revision::blob).toList());
                Corpus.Revision newest = revisions.get(407);
                assertThat(headers.read(newest.commit(), Corpus.HEADER_PATH, "newest")).isEqualTo(newest.text());
            }
        }
    }

    @Test
    void rangesTouchTheHeaderExactlyWhenTheyContainARevision() {
        ObjectId first = revisions.get(0).commit();
        ObjectId last = revisions.get(407).commit();
        try (GitHeaders headers = GitHeaders.open(withBloom)) {
            assertThat(headers.touches(first, last, Corpus.HEADER_PATH)).isTrue();
            assertThat(headers.touches(last, last, Corpus.HEADER_PATH)).isFalse();
            assertThat(headers.touches(revisions.get(406).commit(), last, Corpus.HEADER_PATH)).isTrue();
            assertThat(headers.touches(first, last, "include/uapi/linux/btf.h")).isFalse();
        }
    }
}
