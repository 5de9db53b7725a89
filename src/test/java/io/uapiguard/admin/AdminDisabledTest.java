package io.uapiguard.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.uapiguard.api.ApiConfiguration;
import io.uapiguard.history.HistoryAdmin;
import io.uapiguard.history.IngestRuns;
import io.uapiguard.store.HistoryQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** No token configured: the admin API does not exist, whatever the request carries. */
@WebMvcTest(controllers = AdminController.class)
@Import({ApiConfiguration.class, AdminConfiguration.class})
class AdminDisabledTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HistoryAdmin admin;
    @MockitoBean
    HistoryQueries queries;
    @MockitoBean
    IngestRuns runs;

    @Test
    void adminEndpointsAre404WithoutAConfiguredToken() throws Exception {
        mvc.perform(post("/api/v1/admin/repositories").header("Authorization", "Bearer ")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"location\": \"https://github.com/torvalds/linux.git\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Admin API disabled"));
        mvc.perform(post("/api/v1/admin/repositories/x/ingest"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admin/ingests/1"))
                .andExpect(status().isNotFound());
        verify(admin, never()).register(any());
        verify(runs, never()).submit(any(), any());
        verify(runs, never()).find(1);
    }
}
