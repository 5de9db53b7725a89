package io.uapiguard.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.history.IngestRuns;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.IngestRunStore.Run;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Register a repository, trigger an ingest and follow it. Reached only through {@link AdminTokenInterceptor}. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "Needs 'Authorization: Bearer $UAPIGUARD_ADMIN_TOKEN'; 404 when no token is set")
@SecurityRequirement(name = "bearer")
class AdminController {

    /** Names appear in URLs and report paths: keep them to one plain path segment. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final int RECENT_RUNS = 20;

    private final HistoryAdmin admin;
    private final IngestRuns runs;
    private final RemotePolicy remotes;
    private final Duration ingestWait;

    AdminController(HistoryAdmin admin, IngestRuns runs, RemotePolicy remotes, AdminProperties properties) {
        this.admin = admin;
        this.runs = runs;
        this.remotes = remotes;
        this.ingestWait = properties.ingestWait();
    }

    @Operation(summary = "Register or update a repository",
            description = "location: an https or ssh URL to a host in uapiguard.remotes.allowed-hosts; a local path "
                    + "or bundle only when uapiguard.remotes.allow-local-paths is true.")
    @PostMapping("/repositories")
    ResponseEntity<RepositoryInfo> register(@RequestBody RepositorySpec spec) {
        if (spec == null || spec.name() == null || !NAME.matcher(spec.name()).matches()) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    "'name' is required: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String location = remotes.check(spec.location());
        RepositoryInfo info = admin.register(new RepositorySpec(spec.name(), location, spec.tagPattern(),
                spec.branches(), spec.paths(), spec.mirrors()));
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/repositories/{name}")
                .buildAndExpand(info.name()).toUri()).body(info);
    }

    @Operation(summary = "Ingest what is new in a registered repository",
            description = "Queues an ingest and answers 202 with the run and its Location; while one of the "
                    + "repository's runs is unfinished, that run is the answer. With wait=true the answer comes "
                    + "when the run ends (200 with the run, or its error as a problem with its status), or as 202 "
                    + "once uapiguard.admin.ingest-wait (10 min) has passed.")
    @PostMapping("/repositories/{repository}/ingest")
    ResponseEntity<?> ingest(@PathVariable String repository,
                             @RequestParam(defaultValue = "false") boolean wait) throws InterruptedException {
        Run run = runs.submit(repository, "api").run();
        URI location = UriComponentsBuilder.fromPath("/api/v1/admin/ingests/{id}").buildAndExpand(run.id()).toUri();
        if (wait) {
            run = runs.await(run.id(), ingestWait);
        }
        IngestRunView view = IngestRunView.of(run);
        if (!run.finished()) {
            return ResponseEntity.accepted().location(location).body(view);
        }
        if (view.error() == null) {
            return ResponseEntity.ok().location(location).body(view);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(view.error().status()),
                view.error().detail());
        problem.setTitle("abandoned".equals(run.state()) ? "Ingest abandoned" : "Ingest failed");
        problem.setProperty("run", location.toString());
        return ResponseEntity.status(problem.getStatus()).location(location)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Operation(summary = "One ingest run: its state, step and progress, then its summary or error")
    @GetMapping("/ingests/{id}")
    IngestRunView run(@PathVariable long id) {
        return runs.find(id).map(IngestRunView::of).orElseThrow(() ->
                new UapiguardException(Reason.NOT_FOUND, "no ingest run " + id));
    }

    @Operation(summary = "The latest ingest runs of a repository, newest first")
    @GetMapping("/repositories/{repository}/ingests")
    List<IngestRunView> runs(@PathVariable String repository) {
        return runs.recent(repository, RECENT_RUNS).stream().map(IngestRunView::of).toList();
    }
}
