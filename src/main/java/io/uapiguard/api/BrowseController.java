package io.uapiguard.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.history.StoredComparisons;
import io.uapiguard.model.UapiModel;
import io.uapiguard.output.RenderContext;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.HelperEvent;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.HistoryQueries.TagInfo;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads of the stored history: repositories, revisions, tags, models, diffs and helper timelines. */
@RestController
@RequestMapping("/api/v1/repositories")
@Tag(name = "history", description = "Read the ingested history")
class BrowseController {

    private final HistoryQueries queries;
    private final StoredComparisons comparisons;
    private final CheckService checks;
    private final ComparisonResponses responses;
    private final ReportLinks links;

    BrowseController(HistoryQueries queries, StoredComparisons comparisons, CheckService checks,
                     ComparisonResponses responses, ReportLinks links) {
        this.queries = queries;
        this.comparisons = comparisons;
        this.checks = checks;
        this.responses = responses;
        this.links = links;
    }

    @Operation(summary = "Registered repositories")
    @GetMapping
    List<RepositoryInfo> repositories() {
        return queries.repositories().stream().map(RepositoryInfo::shown).toList();
    }

    @Operation(summary = "One repository")
    @GetMapping("/{repository}")
    RepositoryInfo repository(@PathVariable String repository) {
        return checks.repository(repository).shown();
    }

    @Operation(summary = "Its revisions, newest first (unreachable ones marked)")
    @GetMapping("/{repository}/revisions")
    List<RevisionInfo> revisions(@PathVariable String repository) {
        checks.repository(repository);
        return queries.revisions(repository);
    }

    @Operation(summary = "One revision, by tag or (abbreviated) commit id")
    @GetMapping("/{repository}/revisions/{revision}")
    RevisionInfo revision(@PathVariable String repository, @PathVariable String revision) {
        checks.repository(repository);
        return checks.revision(repository, revision);
    }

    @Operation(summary = "Its tags, oldest first, each with the verdict against the previous tag")
    @GetMapping("/{repository}/tags")
    List<TagInfo> tags(@PathVariable String repository) {
        checks.repository(repository);
        return queries.tags(repository);
    }

    @Operation(summary = "The model of a header at a revision: helpers with ids and signatures, enums, defines, structs")
    @GetMapping("/{repository}/revisions/{revision}/model")
    UapiModel model(@PathVariable String repository, @PathVariable String revision,
                    @RequestParam(required = false) String path) {
        RepositoryInfo repo = checks.repository(repository);
        CheckService.checkWatched(repo, path);
        RevisionInfo resolved = checks.revision(repository, revision);
        return checks.baseModel(repository, resolved, CheckService.path(repo, path, resolved.blobs().keySet()));
    }

    @Operation(summary = "The text of a header at a revision, as stored at ingest")
    @GetMapping(path = "/{repository}/revisions/{revision}/header", produces = "text/plain;charset=UTF-8")
    String header(@PathVariable String repository, @PathVariable String revision,
                  @RequestParam(required = false) String path) {
        RepositoryInfo repo = checks.repository(repository);
        CheckService.checkWatched(repo, path);
        RevisionInfo resolved = checks.revision(repository, revision);
        String header = CheckService.path(repo, path, resolved.blobs().keySet());
        return queries.headerText(repository, resolved.commitId(), header).orElseThrow(() ->
                new UapiguardException(Reason.NOT_FOUND, header + " is not stored at " + CheckService.label(resolved)));
    }

    @Operation(summary = "The comparison of two revisions (tags or commits, ancestors or not)",
            description = "Every watched header that differs, each judged on its own, unless path= names one (a "
                    + "changed header that did not parse is a 422 naming it). The answer follows Accept like the "
                    + "check: JSON, SARIF, Markdown or text.")
    @GetMapping("/{repository}/diff")
    ResponseEntity<String> diff(@PathVariable String repository, @RequestParam String from, @RequestParam String to,
                                @RequestParam(required = false) String path,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        OutputFormat format = OutputFormat.negotiate(accept, OutputFormat.renderers());
        RepositoryInfo repo = checks.repository(repository);
        CheckService.checkWatched(repo, path);
        RevisionInfo old = checks.revision(repository, from);
        RevisionInfo now = checks.revision(repository, to);
        String header = CheckService.path(repo, path, now.blobs().keySet());
        RenderContext context = new RenderContext(label(old, from), label(now, to), false,
                links.repository(repository)).with(CheckService.source(repo, header, old));
        boolean one = path != null && !path.isBlank();
        if (one && !old.blobs().containsKey(path) && !now.blobs().containsKey(path)) {
            throw new UapiguardException(Reason.NOT_FOUND, path + " exists at neither " + label(old, from) + " nor "
                    + label(now, to));
        }
        // As 'uapiguard diff --tags' judges them: every watched header that differs (or the one named), a header on
        // one side only as added or removed, and one it cannot judge said, not skipped.
        StoredComparisons.TreeComparison tree = comparisons.compare(repository, old, now, one ? Set.of(path) : null);
        if (!tree.problems().isEmpty()) {
            throw new UapiguardException(Reason.PARSE_ERROR, "not judged: " + String.join("; ", tree.problems())
                    + (one || tree.comparison().headers().isEmpty() ? "" : "; name a header with path= for the others"));
        }
        return responses.render(format, tree.comparison(), context);
    }

    /** The tag the caller named when it is one of the revision's, else the revision's own label. */
    private static String label(RevisionInfo revision, String asked) {
        return revision.tags().contains(asked) ? asked : CheckService.label(revision);
    }

    @Operation(summary = "The timeline of a helper: where it first appears, every change of its id or signature since")
    @GetMapping("/{repository}/helpers/{helper}/timeline")
    List<HelperEvent> timeline(@PathVariable String repository, @PathVariable String helper,
                               @RequestParam(required = false) String path) {
        RepositoryInfo repo = checks.repository(repository);
        CheckService.checkWatched(repo, path);
        String header = CheckService.path(repo, path, queries.resolve(repository, null)
                .map(r -> r.blobs().keySet()).orElse(Set.of()));
        List<HelperEvent> events = queries.helperTimeline(repository, helper, header);
        if (events.isEmpty()) {
            throw new UapiguardException(Reason.NOT_FOUND,
                    "no helper " + quote(helper) + " in the history of repository '" + repository + "'");
        }
        return events;
    }
}
