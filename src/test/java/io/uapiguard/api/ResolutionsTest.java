package io.uapiguard.api;

import static io.uapiguard.api.ServiceFixtures.C1;
import static io.uapiguard.api.ServiceFixtures.C2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.uapiguard.store.HistoryQueries;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ResolutionsTest {

    final HistoryQueries queries = mock(HistoryQueries.class);

    Resolutions resolutions(Duration ttl) {
        return new Resolutions(queries, new LimitsProperties(DataSize.ofMegabytes(10), 64, ttl, 0, Duration.ofSeconds(30),
                Duration.ofSeconds(5), DataSize.ofKilobytes(1), Duration.ofSeconds(60)));
    }

    @Test
    void aFoundBaseIsRememberedWithinTheTtl() {
        when(queries.resolve("linux", null)).thenReturn(Optional.of(ServiceFixtures.revision(C1)));
        Resolutions cached = resolutions(Duration.ofHours(1));
        cached.resolve("linux", null);
        when(queries.resolve("linux", null)).thenReturn(Optional.of(ServiceFixtures.revision(C2)));
        assertThat(cached.resolve("linux", null).orElseThrow().commitId()).isEqualTo(C1);
        verify(queries, times(1)).resolve("linux", null);
    }

    @Test
    void anExpiredEntryIsLookedUpAgain() throws Exception {
        when(queries.resolve("linux", null)).thenReturn(Optional.of(ServiceFixtures.revision(C1)));
        Resolutions cached = resolutions(Duration.ofMillis(1));
        cached.resolve("linux", null);
        Thread.sleep(5);
        when(queries.resolve("linux", null)).thenReturn(Optional.of(ServiceFixtures.revision(C2)));
        assertThat(cached.resolve("linux", null).orElseThrow().commitId()).isEqualTo(C2);
    }

    @Test
    void whatIsNotFoundIsNotRemembered() {
        when(queries.repository("linux")).thenReturn(Optional.empty());
        Resolutions cached = resolutions(Duration.ofHours(1));
        assertThat(cached.repository("linux")).isEmpty();
        when(queries.repository("linux")).thenReturn(Optional.of(ServiceFixtures.repository()));
        assertThat(cached.repository("linux")).isPresent();
    }

    @Test
    void zeroTurnsItOff() {
        when(queries.repository("linux")).thenReturn(Optional.of(ServiceFixtures.repository()));
        Resolutions uncached = resolutions(Duration.ZERO);
        uncached.repository("linux");
        uncached.repository("linux");
        verify(queries, times(2)).repository("linux");
    }
}
