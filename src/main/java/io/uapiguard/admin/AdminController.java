package io.uapiguard.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Register a repository, trigger an ingest. Reached only through {@link AdminTokenInterceptor}. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "Needs 'Authorization: Bearer $UAPIGUARD_ADMIN_TOKEN'; 404 when no token is set")
@SecurityRequirement(name = "bearer")
class AdminController {

    /** Names appear in URLs and report paths: keep them to one plain path segment. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final HistoryAdmin admin;
    private final RemotePolicy remotes;

    AdminController(HistoryAdmin admin, RemotePolicy remotes) {
        this.admin = admin;
        this.remotes = remotes;
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
        remotes.check(spec.location());
        RepositoryInfo info = admin.register(spec);
        URI location = UriComponentsBuilder.fromPath("/api/v1/repositories/{name}").buildAndExpand(info.name()).toUri();
        return ResponseEntity.created(location).body(info);
    }

    @Operation(summary = "Ingest what is new in a registered repository (synchronous)")
    @PostMapping("/repositories/{repository}/ingest")
    IngestSummary ingest(@PathVariable String repository) {
        return admin.ingest(repository);
    }
}
