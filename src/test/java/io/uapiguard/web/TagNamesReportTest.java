package io.uapiguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.api.CorpusService;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tag names as git allows them, through the real server: '/' (release/v9, listed but a 404 before), ';' (which a
 * server reads as path parameters), '%', '#', '+', non-ASCII. Each one's link on the repository page opens its
 * page, so does its name encoded as one segment (%2F, Tomcat's 400 before), and the compare form of its page.
 */
class TagNamesReportTest extends CorpusService {

    static final List<String> TAGS = List.of("release/v9", "v1;x=y", "v2#50%+&=@}", "ünï/çödé", "a/b/c.d-e_f",
            "quote\"<less>|pipe`{x}");

    @TempDir
    Path dir;

    @Test
    void everyTagNameGitAllowsOpensItsPage() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call()) {
            Path header = dir.resolve("include/uapi/linux/bpf.h");
            Files.createDirectories(header.getParent());
            Files.writeString(header, CraftedHeaderReportTest.CLEAN);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("header").setSign(false).call();
            for (String tag : TAGS) {
                assertThat(Repository.isValidRefName("refs/tags/" + tag)).as(tag).isTrue();
                git.tag().setName(tag).setAnnotated(false).call();
            }
        }
        String repository = "tags-" + Math.abs(dir.hashCode());
        admin.register(new RepositorySpec(repository, dir.toString(), "*", null, null));
        admin.ingest(repository);

        Document repoPage = page("/report/" + repository);
        for (String tag : TAGS) {
            Element link = repoPage.select("#tags tbody td:first-child a").stream()
                    .filter(a -> a.text().equals(tag)).findFirst().orElseThrow(() -> new AssertionError(tag));
            Document tagPage = page(link.attr("href"));
            assertThat(tagPage.select("h1").text()).as(link.attr("href")).isEqualTo(tag);

            String encoded = "/report/" + repository + "/tags/"
                    + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20");
            assertThat(page(encoded).select("h1").text()).as(encoded).isEqualTo(tag);

            String compare = tagPage.select("#compare-form").attr("action") + "?compare="
                    + URLEncoder.encode(tagPage.select("#compare option").first().attr("value"), StandardCharsets.UTF_8);
            assertThat(page(compare).select("h1").text()).as(compare).isEqualTo(tag);
        }
    }

    Document page(String path) {
        var response = get(path, "text/html");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }
}
