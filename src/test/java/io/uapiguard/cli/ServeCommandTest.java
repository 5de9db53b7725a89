package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s own options; the service it starts is tested by the Spring tests and ServeIngestJarIT. */
class ServeCommandTest {

    // Were the service started, it would fail on this database (exit 3): exit 2 proves it never started.
    private static final String NO_DATABASE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none";

    @Test
    void anIngestLocationThatDoesNotExistIsAUsageErrorBeforeTheServiceStarts(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such.bundle");

        CliRun run = CliRun.run("serve", "--ingest", missing.toString(), NO_DATABASE);

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("uapiguard: " + missing + ": no such file or directory" + System.lineSeparator());
    }

    @Test
    void anIngestLocationThatIsNotARepositoryIsAUsageErrorBeforeTheServiceStarts(@TempDir Path tmp) throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        CliRun run = CliRun.run("serve", "--ingest", plain.toString(), NO_DATABASE);

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(plain + ": not a git repository");
    }
}
