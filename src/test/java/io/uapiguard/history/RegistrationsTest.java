package io.uapiguard.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.git.PathGlob;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.IngestStore;
import io.uapiguard.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** A repository's location: one repository, whichever link or path names it. */
@Execution(ExecutionMode.CONCURRENT)
class RegistrationsTest {

    @TempDir
    Path tmp;

    private TestDatabase.Fresh db;
    private Registrations registrations;

    @BeforeEach
    void setUp() {
        db = TestDatabase.get().create("registrations");
        registrations = new Registrations(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path repository(String name) throws Exception {
        Path dir = tmp.resolve(name);
        try (GitFixture git = new GitFixture(dir)) {
            git.header("enum bpf_func_id { BPF_FUNC_unspec };\n", "first header");
        }
        return dir.toRealPath();
    }

    private long registered() {
        return db.jdbc().sql("SELECT count(*) FROM repositories").query(Long.class).single();
    }

    @Test
    void aLinkToARegisteredRepositoryNamesThatRepository() throws Exception {
        Path kernel = repository("kernel");
        Path link = Files.createSymbolicLink(tmp.resolve("elsewhere"), kernel);

        RepositoryInfo first = registrations.resolveOrRegister(kernel.toString(), null);
        RepositoryInfo throughLink = registrations.resolveOrRegister(link.toString(), null);

        assertThat(first.name()).isEqualTo("kernel");
        assertThat(throughLink).isEqualTo(first);
        assertThat(registrations.resolve(link.toString())).isEqualTo(first);
        assertThat(registered()).isEqualTo(1);
    }

    @Test
    void aRepositoryRegisteredThroughALinkIsNamedAsWrittenAndStoredAtTheLinksTarget() throws Exception {
        Path kernel = repository("kernel-6.8");
        Path link = Files.createSymbolicLink(tmp.resolve("linux"), kernel);

        RepositoryInfo registered = registrations.resolveOrRegister(link.toString(), null);

        assertThat(registered.name()).isEqualTo("linux");
        assertThat(registered.location()).isEqualTo(kernel.toString());
        assertThat(registrations.resolveOrRegister(kernel.toString(), null)).isEqualTo(registered);
        assertThat(registered()).isEqualTo(1);
    }

    @Test
    void aRegistrationStoredThroughALinkAsWrittenIsStillFoundAndKeepsItsSettings() throws Exception {
        Path kernel = repository("kernel");
        Path link = Files.createSymbolicLink(tmp.resolve("kernel-link"), kernel);
        // As a registration made before locations were resolved stored it: the link's path, not the target's.
        new IngestStore(db.dataSource()).upsertRepository("kernel", link.toString(), "rel-*", List.of("main"),
                List.of(PathGlob.UAPI_HEADERS), List.of());

        RepositoryInfo byLink = registrations.resolveOrRegister(link.toString(), null);
        RepositoryInfo byTarget = registrations.resolveOrRegister(kernel.toString(), null);

        assertThat(byLink.location()).isEqualTo(link.toString());
        assertThat(byLink.tagPattern()).isEqualTo("rel-*");
        assertThat(byTarget).as("the same repository, its settings untouched").isEqualTo(byLink);
        assertThat(registrations.resolve(link.toString())).isEqualTo(byLink);
        assertThat(registered()).isEqualTo(1);
    }

    @Test
    void twoRepositoriesOfOneNameStillNeedTwoNames() throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Path first = repository("a/kernel");
        Path second = repository("b/kernel");
        registrations.resolveOrRegister(first.toString(), null);

        assertThatThrownBy(() -> registrations.resolveOrRegister(second.toString(), null))
                .isInstanceOf(UapiguardException.class)
                .hasMessageContaining("the name 'kernel' is registered for " + first + "; choose another with --name");
        assertThat(registrations.resolveOrRegister(second.toString(), "kernel-b").location())
                .isEqualTo(second.toString());
    }
}
