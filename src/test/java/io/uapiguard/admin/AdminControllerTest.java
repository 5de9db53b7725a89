package io.uapiguard.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.ApiConfiguration;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.history.HistoryAdmin.RepositorySpec;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.time.Duration;
import java.util.List;
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
    void refusesANameThatIsNotOnePathSegment() throws Exception {
        String spec = "{\"name\": \"../x\", \"location\": \"https://github.com/torvalds/linux.git\"}";
        mvc.perform(post("/api/v1/admin/repositories").header("Authorization", "Bearer s3cret-token")
                        .contentType(MediaType.APPLICATION_JSON).content(spec))
                .andExpect(status().isBadRequest());
    }

    @Test
    void triggersAnIngest() throws Exception {
        when(admin.ingest("bpf-next")).thenReturn(new IngestSummary("bpf-next", 408, 3, 3, 0, 6, 0,
                Duration.ofMillis(1500)));
        mvc.perform(post("/api/v1/admin/repositories/bpf-next/ingest").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repository").value("bpf-next"))
                .andExpect(jsonPath("$.newRevisions").value(3));
    }

    @Test
    void ingestOfAnUnknownRepositoryIs404() throws Exception {
        when(admin.ingest("nope")).thenThrow(new UapiguardException(Reason.NOT_FOUND, "no repository named 'nope'"));
        mvc.perform(post("/api/v1/admin/repositories/nope/ingest").header("Authorization", "Bearer s3cret-token"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no repository named 'nope'"));
    }
}
