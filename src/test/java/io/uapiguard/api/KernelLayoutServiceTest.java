package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CI bot's calls over HTTP against a small repository laid out like the kernel: bpf.h with its copy under
 * tools/include/uapi/ (both watched) and a second watched header, if_xdp.h. Fixture headers of our own.
 */
class KernelLayoutServiceTest extends CorpusService {

    static final String NAME = "kernel-layout";
    static final String BPF = "include/uapi/linux/bpf.h";
    static final String TOOLS_BPF = "tools/include/uapi/linux/bpf.h";
    static final String XDP = "include/uapi/linux/if_xdp.h";
    static final String BPF_TEXT = "#ifndef _UAPI__LINUX_BPF_H__\n#define _UAPI__LINUX_BPF_H__\n\n"
            + "#define BPF_F_LOCK\t4\n\n#endif\n";
    static final String XDP_TEXT = "#ifndef _LINUX_IF_XDP_H\n#define _LINUX_IF_XDP_H\n\n"
            + "#define XDP_SHARED_UMEM\t1\n\n#endif\n";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private static boolean ingested;

    void ingestedKernelLayout() throws Exception {
        synchronized (KernelLayoutServiceTest.class) {
            if (ingested && queries.repository(NAME).isPresent()) {
                return;
            }
            try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
                for (var file : Map.of(BPF, BPF_TEXT, TOOLS_BPF, BPF_TEXT, XDP, XDP_TEXT, "README", "old words\n")
                        .entrySet()) {
                    Path path = dir.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue());
                    git.add().addFilepattern(file.getKey()).call();
                }
                git.commit().setMessage("v1").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                        .setSign(false).call();
                git.tag().setName("v1").setAnnotated(false).call();
            }
            admin.register(new RepositorySpec(NAME, dir.toString(), null, null, List.of(BPF, TOOLS_BPF, XDP)));
            admin.ingest(NAME);
            ingested = true;
        }
    }

    /** A git diff of {@code path} that adds a define after the header's first one (line 4). */
    static String addDefine(String path, String first, String added) {
        return "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path + "\n"
                + "@@ -4 +4,2 @@\n " + first + "\n+" + added + "\n";
    }

    static final String BPF_PATCH = addDefine(BPF, "#define BPF_F_LOCK\t4", "#define BPF_F_FRESH\t32");
    static final String TOOLS_PATCH = addDefine(TOOLS_BPF, "#define BPF_F_LOCK\t4", "#define BPF_F_FRESH\t32");

    JsonNode check(String patch, String accept) throws Exception {
        ingestedKernelLayout();
        Map<String, String> body = new LinkedHashMap<>(Map.of("repository", NAME, "base", "v1", "patch", patch));
        HttpResponse<String> response = postJson("/api/v1/checks", JSON.writeValueAsString(body), accept);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<String> rules(JsonNode result) {
        List<String> rules = new ArrayList<>();
        result.get("findings").forEach(f -> rules.add(f.get("rule").asString()));
        return rules;
    }

    static List<String> headers(JsonNode result) {
        List<String> paths = new ArrayList<>();
        result.get("headers").forEach(h -> paths.add(h.get("path").asString()));
        return paths;
    }

    @Test
    void aReadmeOnlyPatchIsNotApplicableAndPatchworkSaysNothingWasChecked() throws Exception {
        String readme = "diff --git a/README b/README\n--- a/README\n+++ b/README\n@@ -1 +1 @@\n-old words\n+new words\n";
        JsonNode result = check(readme, "application/json");
        assertThat(result.get("verdict").asString()).isEqualTo("not-applicable");
        assertThat(result.get("headers")).isEmpty();
        JsonNode patchwork = check(readme, "application/vnd.patchwork.check+json");
        assertThat(patchwork.get("state").asString()).isEqualTo("success");
        assertThat(patchwork.get("description").asString()).contains("No watched UAPI header changed")
                .doesNotContainIgnoringCase("no breaking change");
        JsonNode sarif = check(readme, "application/sarif+json").get("runs").get(0);
        assertThat(sarif.get("results")).isEmpty();
        assertThat(sarif.get("invocations").get(0).get("toolExecutionNotifications")).hasSize(1);
    }

    @Test
    void changingBpfHAloneLeavesItsToolsCopyOutOfSync() throws Exception {
        JsonNode result = check(BPF_PATCH, "application/json");
        assertThat(result.get("verdict").asString()).isEqualTo("compatible");
        assertThat(headers(result)).containsExactly(BPF);
        JsonNode copy = result.get("findings").valueStream()
                .filter(f -> f.get("rule").asString().equals("copy.out-of-sync")).findFirst().orElseThrow();
        assertThat(copy.get("severity").asString()).isEqualTo("warning");
        assertThat(copy.get("message").asString()).contains(BPF, TOOLS_BPF, "the models differ");
        assertThat(copy.get("location").get("path").asString()).isEqualTo(BPF);
        assertThat(copy.get("location").get("line").asInt()).isEqualTo(5);
    }

    @Test
    void changingBothCopiesIdenticallyKeepsThemInSync() throws Exception {
        JsonNode result = check(BPF_PATCH + TOOLS_PATCH, "application/json");
        assertThat(headers(result)).containsExactly(BPF, TOOLS_BPF);
        assertThat(rules(result)).doesNotContain("copy.out-of-sync");
        assertThat(result.get("verdict").asString()).isEqualTo("compatible");
    }

    @Test
    void aPatchOfTheToolsCopyAloneIsJudgedAndFlagged() throws Exception {
        JsonNode result = check(TOOLS_PATCH, "application/json");
        assertThat(headers(result)).containsExactly(TOOLS_BPF);
        assertThat(rules(result)).contains("copy.out-of-sync");
        assertThat(result.get("findings").valueStream().map(f -> f.get("location").get("path").asString()))
                .containsOnly(TOOLS_BPF);
    }

    @Test
    void aPatchTouchingTwoWatchedHeadersJudgesBothWithTheWorstVerdict() throws Exception {
        String xdp = "diff --git a/" + XDP + " b/" + XDP + "\n--- a/" + XDP + "\n+++ b/" + XDP + "\n"
                + "@@ -4 +4 @@\n-#define XDP_SHARED_UMEM\t1\n+#define XDP_SHARED_UMEM\t2\n";
        JsonNode result = check(BPF_PATCH + TOOLS_PATCH + xdp, "application/json");
        assertThat(result.get("verdict").asString()).isEqualTo("breaking");
        assertThat(headers(result)).containsExactly(BPF, TOOLS_BPF, XDP);
        Map<String, String> verdicts = new LinkedHashMap<>();
        result.get("headers").forEach(h -> verdicts.put(h.get("path").asString(), h.get("verdict").asString()));
        assertThat(verdicts).containsEntry(BPF, "compatible").containsEntry(XDP, "breaking");
        assertThat(result.get("findings").valueStream()
                .filter(f -> f.get("rule").asString().equals("define.value-changed"))
                .map(f -> f.get("location").get("path").asString())).containsExactly(XDP);
    }

    @Test
    void mirrorsRegisteredWithTheRepositoryReplaceTheDefault() throws Exception {
        ingestedKernelLayout();
        admin.register(new RepositorySpec(NAME + "-unpaired", dir.toString(), null, null,
                List.of(BPF, TOOLS_BPF, XDP), List.of()));
        admin.ingest(NAME + "-unpaired");
        Map<String, String> body = new LinkedHashMap<>(Map.of("repository", NAME + "-unpaired", "base", "v1",
                "patch", BPF_PATCH));
        HttpResponse<String> response = postJson("/api/v1/checks", JSON.writeValueAsString(body), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(rules(JSON.readTree(response.body()))).doesNotContain("copy.out-of-sync");
    }

    @Test
    void aPostedPolicyWithoutMirrorsTurnsTheCopyCheckOff() throws Exception {
        ingestedKernelLayout();
        Map<String, String> body = new LinkedHashMap<>(Map.of("repository", NAME, "base", "v1", "patch", BPF_PATCH,
                "policy", "mirrors: []\n"));
        HttpResponse<String> response = postJson("/api/v1/checks", JSON.writeValueAsString(body), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(rules(JSON.readTree(response.body()))).doesNotContain("copy.out-of-sync");
    }
}
