package io.uapiguard.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.ApiConfiguration;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.history.IngestRuns;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.model.Mirror;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.IngestRunStore.Queued;
import io.uapiguard.store.IngestRunStore.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = AdminController.class)
@Import({ApiConfiguration.class, AdminConfiguration.class})
@TestPropertySource(properties = {"uapiguard.admin.token=s3cret-token",
        "uapiguard.remotes.allowed-hosts=git.kernel.org,github.com"})
class AdminControllerTest {

    static final String SPEC = """
            {"name": "bpf-next", "location": "https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git"}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HistoryAdmin admin;
    @MockitoBean
    HistoryQueries queries;
    @MockitoBean
    IngestRuns runs;

    @Test
    void withoutTokenIs401WithBearerChallenge() throws Exception {
        mvc.perform(post("/api/v1/admin/repositories").contentType(MediaType.APPLICATION_JSON).content(SPEC))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"uapiguard-admin\""))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verify(admin, never()).register(any());
    }

    @Test
    void wrongTokenIs401() throws Exception {
        for (String auth : List.of("Bearer s3cret-toke", "Bearer s3cret-token2", "Basic s3cret-token", "Bearer ")) {
            mvc.perform(post("/api/v1/admin/repositories").header("Authorization", auth)
                            .contentType(MediaType.APPLICATION_JSON).content(SPEC))
                    .andExpect(status().isUnauthorized());
        }
        verify(admin, never()).register(any());
    }

    @Test
    void registersAnHttpsRepositoryOnAnAllowedHost() throws Exception {
        when(admin.register(any())).thenReturn(new RepositoryInfo("bpf-next",
                "https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git", "v*", List.of(),
                List.of("include/uapi/linux/bpf.h"), null));
        mvc.perform(post("/api/v1/admin/repositories").header("Authorization", "Bearer s3cret-token")
                        .contentType(MediaType.APPLICATION_JSON).content(SPEC))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/repositories/bpf-next"))
                .andExpect(jsonPath("$.name").value("bpf-next"));
        verify(admin).register(new RepositorySpec("bpf-next",
                "https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git", null, null, null));
    }

    @Test
    void registersTheMirrorsItIsGiven() throws Exception {
        when(admin.register(any())).thenReturn(new RepositoryInfo("bpf-next",
                "https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git", "v*", List.of(),
                List.of("include/uapi/linux/bpf.h"), null, List.of()));
        mvc.perform(post("/api/v1/admin/repositories").header("Authorization", "Bearer s3cret-token")
                        .contentType(MediaType.APPLICATION_JSON).content(SPEC.replace("}",
                                ", \"mirrors\": [{\"original\": \"include/uapi/\", \"copy\": \"tools/include/uapi/\"}]}")))
                .andExpect(status().isCreated());
        verify(admin).register(new RepositorySpec("bpf-next",
                "https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git", null, null, null,
                List.of(Mirror.KERNEL_TOOLS)));
    }

    @Test
    void refusesLocationsOutsideThePolicy() throws Exception {
        for (String location : List.of("http://git.kernel.org/x.git", "git://git.kernel.org/x.git",
                "https://evil.example/x.git", "file:///etc", "/srv/git/linux", "ext::sh -c touch% /tmp/pwned")) {
            String spec = "{\"name\": \"x\", \"location\": \"" + location + "\"}";
            mvc.perform(post("/api/v1/admin/repositories").header("Authorization", "Bearer s3cret-token")
                            .contentType(MediaType.APPLICATION_JSON).content(spec))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(admin, never()).register(any());
    }

    @Test
    void aUrlWithCredentialsIsRefusedWithoutRepeatingThem() throws Exception {
        String spec = "{\"name\": \"x\", \"location\": \"https://user:secretpw@github.com/torvalds/linux.git\"}";
        mvc.perform(post("/api/v1/admin/repositories").header("Authorization", "Bearer s3cret-token")
                        .contentType(MediaType.APPLICATION_JSON).content(spec))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("may not carry credentials")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secretpw"))));
        verify(admin, never()).register(any());
    }

    @Test
    void refusesANameThatIsNotOnePathSegment() throws Exception {
        String spec = "{\"name\": \"../x\", \"location\": \"https://github.com/torvalds/linux.git\"}";
        mvc.perform(post("/api/v1/admin/repositories").header("Authorization", "Bearer s3cret-token")
                        .contentType(MediaType.APPLICATION_JSON).content(spec))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anIngestIsQueuedAnswering202WithTheRunAndItsLocation() throws Exception {
        when(runs.submit("bpf-next", "api")).thenReturn(new Queued(run(7, "queued", null, null, null), true));
        mvc.perform(post("/api/v1/admin/repositories/bpf-next/ingest").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/ingests/7"))
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.state").value("queued"))
                .andExpect(jsonPath("$.trigger").value("api"))
                .andExpect(jsonPath("$.summary").doesNotExist())
                .andExpect(jsonPath("$.error").doesNotExist());
        verify(runs, never()).await(anyLong(), any());
    }

    @Test
    void ingestOfAnUnknownRepositoryIs404() throws Exception {
        when(runs.submit("nope", "api")).thenThrow(new UapiguardException(Reason.NOT_FOUND,
                "no repository named 'nope' is registered"));
        mvc.perform(post("/api/v1/admin/repositories/nope/ingest").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no repository named 'nope' is registered"));
    }

    @Test
    void waitingForAnIngestAnswersTheFinishedRunWithItsSummary() throws Exception {
        when(runs.submit("bpf-next", "api")).thenReturn(new Queued(run(8, "queued", null, null, null), true));
        when(runs.await(eq(8L), eq(Duration.ofMinutes(10)))).thenReturn(run(8, "succeeded", "{\"newRevisions\": 3}", null, null));
        mvc.perform(post("/api/v1/admin/repositories/bpf-next/ingest?wait=true")
                        .header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/v1/admin/ingests/8"))
                .andExpect(jsonPath("$.state").value("succeeded"))
                .andExpect(jsonPath("$.summary.newRevisions").value(3));
    }

    @Test
    void waitingForAnIngestThatFailsAnswersItsErrorAsAProblemWithItsStatus() throws Exception {
        when(runs.submit("bpf-next", "api")).thenReturn(new Queued(run(9, "running", null, null, null), false));
        when(runs.await(eq(9L), any())).thenReturn(run(9, "failed", null, 422, "bpf.h at 1a2b: expected ';'"));
        mvc.perform(post("/api/v1/admin/repositories/bpf-next/ingest?wait=true")
                        .header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Ingest failed"))
                .andExpect(jsonPath("$.detail").value("bpf.h at 1a2b: expected ';'"))
                .andExpect(jsonPath("$.run").value("/api/v1/admin/ingests/9"));
    }

    @Test
    void waitingPastTheIngestWaitAnswers202WithTheRunAsItIs() throws Exception {
        when(runs.submit("bpf-next", "api")).thenReturn(new Queued(run(10, "queued", null, null, null), true));
        when(runs.await(eq(10L), any())).thenReturn(run(10, "running", null, null, null));
        mvc.perform(post("/api/v1/admin/repositories/bpf-next/ingest?wait=true")
                        .header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/ingests/10"))
                .andExpect(jsonPath("$.state").value("running"));
    }

    @Test
    void anIngestAskedWhileTheServiceStopsIs503() throws Exception {
        when(runs.submit("bpf-next", "api")).thenThrow(new UapiguardException(Reason.UNAVAILABLE,
                "the service is stopping; ask again once it is back"));
        mvc.perform(post("/api/v1/admin/repositories/bpf-next/ingest").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Service unavailable"));
    }

    @Test
    void aRunShowsItsProgressWhileItRuns() throws Exception {
        Run running = new Run(5, "bpf-next", "running", "poll", Instant.parse("2026-11-25T01:00:00Z"),
                Instant.parse("2026-11-25T01:00:01Z"), null, "parse", 120, 408, null, null, null);
        when(runs.find(5)).thenReturn(Optional.of(running));
        mvc.perform(get("/api/v1/admin/ingests/5").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("running"))
                .andExpect(jsonPath("$.trigger").value("poll"))
                .andExpect(jsonPath("$.startedAt").value("2026-11-25T01:00:01Z"))
                .andExpect(jsonPath("$.progress.step").value("parse"))
                .andExpect(jsonPath("$.progress.done").value(120))
                .andExpect(jsonPath("$.progress.total").value(408));
    }

    @Test
    void anAbandonedRunSaysSoAsAnError() throws Exception {
        when(runs.find(6)).thenReturn(Optional.of(run(6, "abandoned", null, null, null)));
        mvc.perform(get("/api/v1/admin/ingests/6").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error.status").value(503))
                .andExpect(jsonPath("$.error.detail").value(IngestRunView.ABANDONED));
    }

    @Test
    void anUnknownRunIs404() throws Exception {
        when(runs.find(404)).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/admin/ingests/404").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no ingest run 404"));
    }

    @Test
    void aRepositorysRunsAreListedNewestFirst() throws Exception {
        when(runs.recent("bpf-next", 20)).thenReturn(List.of(run(3, "failed", null, 502, "fetch failed"),
                run(2, "succeeded", "{}", null, null)));
        mvc.perform(get("/api/v1/admin/repositories/bpf-next/ingests").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(3))
                .andExpect(jsonPath("$[0].error.status").value(502))
                .andExpect(jsonPath("$[1].state").value("succeeded"));
    }

    @Test
    void runsAreAdminOnly() throws Exception {
        mvc.perform(get("/api/v1/admin/ingests/5")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/repositories/bpf-next/ingests")).andExpect(status().isUnauthorized());
        verify(runs, never()).find(5);
    }

    private static Run run(long id, String state, String summary, Integer errorStatus, String error) {
        return new Run(id, "bpf-next", state, "api", Instant.parse("2026-11-25T01:00:00Z"), null, null, null,
                0, 0, summary, errorStatus, error);
    }
}
