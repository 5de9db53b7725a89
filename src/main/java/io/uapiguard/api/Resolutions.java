package io.uapiguard.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Repository and base lookups of the check, remembered for {@code uapiguard.limits.resolution-ttl} (default 5s):
 * a CI bot's burst of checks against one base costs no database round trip per check. Only found things are kept,
 * so a repository registered or a tag ingested a moment ago is seen at once; a base that moves (the newest revision
 * after an ingest, a re-pointed tag) is seen within the TTL. Zero turns this off.
 */
@Component
class Resolutions {

    /** A bound, not a working size: the cache only ever holds what bots are using right now. */
    private static final int MAX_ENTRIES = 1_000;

    private record Key(String kind, String repository, String revision) {
    }

    private final HistoryQueries queries;
    /** Null when the TTL is zero. Expiry and eviction run on the calling thread: nothing here starts a thread. */
    private final Cache<Key, Object> entries;

    Resolutions(HistoryQueries queries, LimitsProperties limits) {
        this.queries = queries;
        this.entries = limits.resolutionTtl().toNanos() > 0 ? Caffeine.newBuilder()
                .expireAfterWrite(limits.resolutionTtl()).maximumSize(MAX_ENTRIES).executor(Runnable::run).build()
                : null;
    }

    Optional<RepositoryInfo> repository(String name) {
        return remembered(new Key("repository", name, null), () -> queries.repository(name));
    }

    Optional<RevisionInfo> resolve(String repository, String revision) {
        return remembered(new Key("revision", repository, revision), () -> queries.resolve(repository, revision));
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> remembered(Key key, Supplier<Optional<T>> lookup) {
        if (entries == null) {
            return lookup.get();
        }
        Object known = entries.getIfPresent(key);
        if (known != null) {
            return Optional.of((T) known);
        }
        Optional<T> found = lookup.get();
        found.ifPresentOrElse(value -> entries.put(key, value), () -> entries.invalidate(key));
        return found;
    }
}
