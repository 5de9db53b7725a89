package io.uapiguard.include;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.model.Define;
import io.uapiguard.model.UapiModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionIncludesTest {

    @TempDir
    Path system;

    /** A revision's files in memory, keyed by content; remembers what was read. */
    static final class Tree implements RevisionIncludes.Files {
        final Map<String, String> files;
        final List<String> read = new ArrayList<>();

        Tree(Map<String, String> files) {
            this.files = files;
        }

        @Override
        public String key(String path) {
            String text = files.get(path);
            return text == null ? null : "test:" + text.hashCode();
        }

        @Override
        public char[] text(String path, String key) {
            read.add(path);
            return files.get(path).toCharArray();
        }
    }

    private static long define(UapiModel model, String name) {
        return model.defines().stream().filter(d -> d.name().equals(name)).map(d -> d.value().longValueExact()).findFirst()
                .orElseThrow(() -> new AssertionError("no define " + name + " in " + model.defines()));
    }

    @Test
    void theRevisionsUapiFoldersComeBeforeTheSystemsAndAQuotedNameIsLookedUpBesideItsIncluder() throws Exception {
        Files.createDirectories(system.resolve("linux"));
        Files.writeString(system.resolve("linux/bpf_common.h"), "#define BPF_LD 99\n");
        Files.writeString(system.resolve("linux/types.h"), "#define TYPES_FROM 1\n");
        Tree tree = new Tree(Map.of(
                "include/uapi/linux/bpf_common.h", "#define BPF_LD 0x00\n",
                "arch/x86/include/uapi/asm/byteorder.h", "#define ARCH_FROM 86\n",
                "include/uapi/linux/beside.h", "#define BESIDE 2\n"));
        String bpf = "#include <linux/bpf_common.h>\n#include <linux/types.h>\n#include <asm/byteorder.h>\n"
                + "#include \"beside.h\"\n"
                + "#define A BPF_LD\n#define B TYPES_FROM\n#define C ARCH_FROM\n#define D BESIDE\n";

        UapiModel model = new HeaderParser(new RevisionIncludes(tree, new IncludeDirectories(List.of(system))))
                .parse("include/uapi/linux/bpf.h", bpf);

        assertThat(define(model, "A")).as("the revision's bpf_common.h, not the system's").isZero();
        assertThat(define(model, "B")).as("linux/types.h, which the revision lacks, from the system").isEqualTo(1);
        assertThat(define(model, "C")).as("asm/ from arch/x86/include/uapi").isEqualTo(86);
        assertThat(define(model, "D")).isEqualTo(2);
        assertThat(model.complete()).isTrue();
        assertThat(tree.read).containsExactlyInAnyOrder("include/uapi/linux/bpf_common.h",
                "arch/x86/include/uapi/asm/byteorder.h", "include/uapi/linux/beside.h");
    }

    @Test
    void whatNeitherHoldsIsAGapNamingTheInclude() {
        UapiModel model = new HeaderParser(new RevisionIncludes(new Tree(Map.of()), IncludeSource.NONE))
                .parse("include/uapi/linux/bpf.h", "#include <linux/types.h>\n#define X 1\n");

        assertThat(model.complete()).isFalse();
        assertThat(model.gaps()).singleElement().satisfies(g -> {
            assertThat(g.element()).isEqualTo("#include <linux/types.h>");
            assertThat(g.file()).isEqualTo("include/uapi/linux/bpf.h");
            assertThat(g.line()).isEqualTo(1);
        });
    }

    @Test
    void aNameClimbingAboveTheRootFindsNothing() {
        Tree tree = new Tree(Map.of("secret.h", "#define S 1\n"));
        RevisionIncludes includes = new RevisionIncludes(tree, IncludeSource.NONE);

        assertThat(includes.find("../../../secret.h", false, "include/uapi/linux/bpf.h")).isNull();
        assertThat(includes.find("../../../../secret.h", true, "include/uapi/linux/bpf.h")).isNull();
        assertThat(IncludeNames.normalize("include/uapi/linux/../asm/./x.h")).isEqualTo("include/uapi/asm/x.h");
        assertThat(IncludeNames.normalize("../x.h")).isNull();
    }

    @Test
    void includeNextGoesOnAfterTheFolderOfTheIncluder() {
        Tree tree = new Tree(Map.of(
                "include/uapi/linux/limits.h", "#include_next <linux/limits.h>\n",
                "arch/x86/include/uapi/linux/limits.h", "#define NEXT 1\n"));
        RevisionIncludes includes = new RevisionIncludes(tree, IncludeSource.NONE);

        assertThat(includes.findNext("linux/limits.h", "include/uapi/linux/limits.h").path())
                .isEqualTo("arch/x86/include/uapi/linux/limits.h");
        assertThat(includes.findNext("linux/limits.h", "arch/x86/include/uapi/linux/limits.h")).isNull();
    }

    @Test
    void aCommitsFilesAreKeyedByBlobIdAndAFolderOrAMissingPathIsNoFile() throws Exception {
        Path work = Files.createDirectories(system.resolve("repo"));
        Files.createDirectories(work.resolve("include/uapi/linux"));
        Files.writeString(work.resolve("include/uapi/linux/a.h"), "#define A 1\n");
        try (Git git = Git.init().setDirectory(work.toFile()).call()) {
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage("a").setAuthor("t", "t@example.org")
                    .setCommitter("t", "t@example.org").setSign(false).call();
            RevisionIncludes.Files tree = RevisionIncludes.gitTree(git.getRepository(), commit.getTree());
            String blob = git.getRepository().resolve(commit.name() + ":include/uapi/linux/a.h").name();
            assertThat(tree.key("include/uapi/linux/a.h")).isEqualTo("git:" + blob);
            assertThat(new String(tree.text("include/uapi/linux/a.h", "git:" + blob))).isEqualTo("#define A 1\n");
            assertThat(tree.key("include/uapi/linux")).isNull();
            assertThat(tree.key("include/uapi/linux/b.h")).isNull();
        }
    }
}
