package io.uapiguard.web;

import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.ReportLinks;
import io.uapiguard.history.StoredComparisons;
import io.uapiguard.store.ModelCache;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Param;
import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.HeaderVerdict;
import io.uapiguard.store.HistoryQueries.HelperEvent;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.HistoryQueries.TagInfo;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The report's pages. Everything from a header reaches the page through th:text, so it is escaped. */
@Controller
class ReportController {

    /** One row of the helper table. */
    record HelperRow(long id, String name, String signature, String firstTag, int line) {
    }

    private final HistoryQueries queries;
    private final StoredComparisons comparisons;
    private final ModelCache models;
    private final ReportLinks links;

    ReportController(HistoryQueries queries, ModelCache models, StoredComparisons comparisons, ReportLinks links) {
        this.comparisons = comparisons;
        this.queries = queries;
        this.models = models;
        this.links = links;
    }

    /** For the templates' links to tag pages, whose names may hold '/'. */
    @ModelAttribute("links")
    ReportLinks links() {
        return links;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/report";
    }

    @GetMapping("/report")
    String index(Model model) {
        model.addAttribute("repositories", queries.repositories().stream().map(RepositoryInfo::shown).toList());
        // Times of the service's own actions read best in the zone it runs in (the ISO instant is in a title).
        model.addAttribute("zone", ZoneId.systemDefault().getId());
        return "report/index";
    }

    @GetMapping("/report/{repository}")
    String repository(@PathVariable String repository, Model model) {
        RepositoryInfo repo = repositoryInfo(repository);
        List<TagInfo> tags = queries.tags(repository);
        model.addAttribute("repository", repo);
        model.addAttribute("tags", tags);
        model.addAttribute("chart", HelperChart.of(tags));
        return "report/repository";
    }

    /** Tag names may hold '/' ({@code release/v9}): the rest of the path is the tag. */
    @GetMapping("/report/{repository}/tags/{*tag}")
    String tag(@PathVariable String repository, @PathVariable("tag") String tagPath,
               @RequestParam(required = false) String compare, @RequestParam(required = false) String path,
               Model model) {
        String tag = tagPath.isEmpty() ? "" : tagPath.substring(1);   // "/report/linux/tags": no tag, a 404
        RepositoryInfo repo = repositoryInfo(repository);
        List<TagInfo> tags = queries.tags(repository);
        TagInfo current = find(tags, tag, repository);
        String header = headerPath(repo, path, current.headers().stream()
                .filter(h -> !"removed".equals(h.change())).map(HeaderVerdict::path).toList());
        // The verdict of each header, and of the one shown, against the previous tag (not against ?compare=).
        HeaderVerdict shown = current.headers().stream().filter(h -> h.path().equals(header)).findFirst()
                .orElse(null);
        String againstName = compare == null || compare.isBlank() ? current.previousTag() : compare;
        TagInfo against = againstName == null ? null : find(tags, againstName, repository);
        UapiModel tagModel = models.model(repository, current.commitId(), header).orElse(null);

        Comparison comparison = null;
        if (against != null && tagModel != null
                && models.model(repository, against.commitId(), header).isPresent()) {
            comparison = comparisons.placedComparison(repository, against.commitId(), current.commitId(), header);
        }
        model.addAttribute("repository", repo);
        model.addAttribute("path", header);
        model.addAttribute("headers", current.headers());
        model.addAttribute("header", shown);
        model.addAttribute("compare", compare == null || compare.isBlank() ? null : compare);
        model.addAttribute("tag", current);
        model.addAttribute("against", against);
        model.addAttribute("otherTags", tags.stream().map(TagInfo::name).filter(n -> !n.equals(tag)).toList());
        model.addAttribute("comparison", comparison);
        model.addAttribute("findings", comparison == null ? List.of() : sorted(comparison.findings()));
        model.addAttribute("counts", comparison == null ? Map.of() : counts(comparison));
        model.addAttribute("helpers", tagModel == null ? List.of() : helperRows(repository, header, tags, current,
                tagModel));
        model.addAttribute("problems", tagModel == null ? List.of() : tagModel.problems());
        // The consumers of the header's text that each revision since the compared tag broke (docs/consumers.md).
        model.addAttribute("brokenConsumers", comparisons.brokenConsumers(repository,
                against == null ? null : against.commitId(), current.commitId(), header));
        model.addAttribute("parsed", tagModel != null);
        model.addAttribute("unparsed", shown != null && "removed".equals(shown.change())
                ? header + " was removed at this tag."
                : !holds(current, header) ? header + " does not exist at this tag."
                : "The header at this tag did not parse: " + (shown != null && shown.parseError() != null
                        ? shown.parseError() : current.parseError()));
        model.addAttribute("noComparison", against == null ? null
                : !holds(current, header) ? header + " does not exist at " + current.name()
                : !holds(against, header) ? header + " does not exist at " + against.name()
                : "the header did not parse at " + (tagModel == null ? current.name() : against.name()));
        return "report/tag";
    }

    /** Whether {@code tag}'s revision has {@code path} (a header removed at the tag is listed, as removed). */
    private static boolean holds(TagInfo tag, String path) {
        return tag.headers().isEmpty() ? path != null
                : tag.headers().stream().anyMatch(h -> h.path().equals(path) && !"removed".equals(h.change()));
    }

    @GetMapping("/report/{repository}/helpers/{helper}")
    String helper(@PathVariable String repository, @PathVariable String helper,
                  @RequestParam(required = false) String path, Model model) {
        RepositoryInfo repo = repositoryInfo(repository);
        String header = headerPath(repo, path, queries.resolve(repository, null)
                .map(r -> r.blobs().keySet()).orElse(Set.of()));
        List<HelperEvent> events = queries.helperTimeline(repository, helper, header);
        if (events.isEmpty()) {
            throw new UapiguardException(Reason.NOT_FOUND,
                    "no helper " + quote(helper) + " in the history of repository '" + repository + "'");
        }
        model.addAttribute("repository", repo);
        model.addAttribute("helper", helper);
        model.addAttribute("path", header);
        model.addAttribute("events", events);
        return "report/helper";
    }

    /** The repository as the pages show it: its location without credentials. */
    private RepositoryInfo repositoryInfo(String name) {
        return queries.repository(name).map(RepositoryInfo::shown).orElseThrow(() ->
                UapiguardException.unknownRepository(name));
    }

    /** The header a page is about: {@code path}, or the primary one among the headers {@code present}. */
    private static String headerPath(RepositoryInfo repo, String path, Collection<String> present) {
        if (path == null || path.isBlank()) {
            return repo.primaryPath(present);
        }
        if (!repo.watches(path)) {
            throw new UapiguardException(Reason.NOT_FOUND, "repository '" + repo.name() + "' does not watch " + quote(path));
        }
        return path;
    }

    private static TagInfo find(List<TagInfo> tags, String name, String repository) {
        return tags.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new UapiguardException(Reason.NOT_FOUND, "no tag " + quote(name) + " in repository '" + repository + "'"));
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::severity)
                        .thenComparingInt(f -> f.location() == null ? 0 : f.location().line()))
                .toList();
    }

    private static Map<String, Long> counts(Comparison comparison) {
        return comparison.findings().stream()
                .collect(Collectors.groupingBy(f -> f.severity().id(), Collectors.counting()));
    }

    /** The helpers of the tag's model, with the first tag whose model has each name. */
    private List<HelperRow> helperRows(String repository, String path, List<TagInfo> tags, TagInfo current,
                                       UapiModel tagModel) {
        Map<String, String> firstTag = new HashMap<>();
        for (TagInfo t : tags) {
            models.model(repository, t.commitId(), path).ifPresent(m -> {
                for (Helper h : m.helpers()) {
                    firstTag.putIfAbsent(h.name(), t.name());
                }
            });
            if (t.name().equals(current.name())) {
                break;
            }
        }
        return tagModel.helpers().stream()
                .map(h -> new HelperRow(h.id(), h.name(), signature(h), firstTag.get(h.name()), h.line()))
                .toList();
    }

    /** "long bpf_foo(struct bpf_map *map, const void *key)"; several documented contexts joined by " | ". */
    static String signature(Helper helper) {
        if (helper.docs().isEmpty()) {
            return null;
        }
        return helper.docs().stream().map(ReportController::signature).distinct().collect(Collectors.joining(" | "));
    }

    private static String signature(HelperDoc doc) {
        String params = doc.params().stream().map(ReportController::param).collect(Collectors.joining(", "));
        String ret = doc.returnType() == null ? "" : doc.returnType();
        return ret + (ret.endsWith("*") ? "" : " ") + doc.function() + "(" + params + ")";
    }

    private static String param(Param p) {
        if (p.name() == null) {
            return p.type();
        }
        return p.type() + (p.type().endsWith("*") ? "" : " ") + p.name();
    }
}
