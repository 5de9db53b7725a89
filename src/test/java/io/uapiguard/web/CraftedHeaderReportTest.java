package io.uapiguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.api.CorpusService;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.model.UapiModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile header through the whole path (git, ingest, store, report): markup in comments, in the helper
 * documentation, in a tag name, in the text of a define. Whatever the front end keeps of it must come out as text.
 */
class CraftedHeaderReportTest extends CorpusService {

    static final String CLEAN = """
            /* A small header of our own for the report's escaping test. */
            #ifndef _UAPI__LINUX_BPF_H__
            #define _UAPI__LINUX_BPF_H__
            /*
             * Start of BPF helper function descriptions:
             *
             * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)
             * 	Description
             * 		Look up an element.
             * 	Return
             * 		Map value.
             */
            #define ___BPF_FUNC_MAPPER(FN, ctx...) \\
            	FN(unspec, 0, ##ctx) \\
            	FN(map_lookup_elem, 1, ##ctx)
            #define __BPF_FUNC_MAPPER_APPLY(name, value, FN) FN(name),
            #define __BPF_FUNC_MAPPER(FN) ___BPF_FUNC_MAPPER(__BPF_FUNC_MAPPER_APPLY, FN)
            #define __BPF_ENUM_FN(x, y) BPF_FUNC_ ## x = y,
            enum bpf_func_id {
            	___BPF_FUNC_MAPPER(__BPF_ENUM_FN)
            	__BPF_FUNC_MAX_ID,
            };
            #undef __BPF_ENUM_FN
            #endif
            """;

    static final String CRAFTED = CLEAN
            .replace("/* A small header", "/* <script>alert('comment')</script> A small header")
            .replace(" * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)",
                    " * void *bpf_map_lookup_elem(struct bpf_map<script>alert(1)</script> *map, const void *key)")
            .replace(" * 		Look up an element.", " * 		<script>alert('doc')</script>")
            .replace(" */\n#define ___BPF", " *\n * long bpf_<img src=x onerror=alert(2)>(void *ctx)\n * \tDescription\n"
                    + " * \t\tAn orphan.\n */\n#define BPF_MARKUP \"<script>alert(3)</script>\"\n#define ___BPF");

    static final String TAG = "v2-<img>";

    @TempDir
    Path dir;

    @Test
    void markupFromAHeaderRendersAsText() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call()) {
            Path header = dir.resolve("include/uapi/linux/bpf.h");
            Files.createDirectories(header.getParent());
            Files.writeString(header, CLEAN);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("clean").setSign(false).call();
            git.tag().setName("v1").setAnnotated(false).call();
            Files.writeString(header, CRAFTED);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("crafted <script>alert('subject')</script>").setSign(false).call();
            git.tag().setName(TAG).setAnnotated(false).call();
        }
        String repository = "crafted-" + Math.abs(dir.hashCode());
        admin.register(new RepositorySpec(repository, dir.toString(), null, null, null));
        admin.ingest(repository);

        var tag = queries.tags(repository).stream().filter(t -> t.name().equals(TAG)).findFirst().orElseThrow();
        Document repoPage = page("/report/" + repository);
        assertThat(repoPage.select("#tags tbody td:first-child a").eachText()).containsExactly("v1", TAG);

        Document tagPage = page(repoPage.select("#tags a:contains(" + TAG + ")").attr("href"));
        assertThat(tagPage.select("h1").text()).isEqualTo(TAG);
        UapiModel model = queries.model(repository, tag.commitId(), "include/uapi/linux/bpf.h").orElse(null);
        if (model != null) {
            // Whatever the front end kept (signatures, problem messages) is shown verbatim, as text.
            List<String> signatures = model.helpers().stream().map(h -> {
                String s = ReportController.signature(h);
                return s == null ? "undocumented" : s;
            }).toList();
            assertThat(tagPage.select("#helpers tbody tr td:nth-child(3)").eachText()).containsExactlyElementsOf(signatures);
            assertThat(tagPage.select("#problems tbody tr td:nth-child(4)").eachText())
                    .containsExactlyElementsOf(model.problems().stream().map(p -> p.message()).toList());
        }
        Document helperPage = page("/report/" + repository + "/helpers/map_lookup_elem");
        assertThat(helperPage.select("h1").text()).isEqualTo("map_lookup_elem");
    }

    Document page(String path) {
        var response = get(path, "text/html");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        String html = response.body();
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<img");
        Document page = Jsoup.parse(html);
        assertThat(page.select("script, img, [onerror]")).isEmpty();
        return page;
    }
}
