package io.uapiguard.api;

import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Entries beyond this are dropped wholesale: the map only ever holds what bots are using right now. */
    private static final int MAX_ENTRIES = 1_000;

    private record Key(String kind, String repository, String revision) {
    }

    private record Entry(Object value, long expiresAt) {
    }

    private final HistoryQueries queries;
    private final long ttlNanos;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    Resolutions(HistoryQueries queries, LimitsProperties limits) {
        this.queries = queries;
        this.ttlNanos = limits.resolutionTtl().toNanos();
    }

    Optional<RepositoryInfo> repository(String name) {
        return remembered(new Key("repository", name, null), () -> queries.repository(name));
    }

    Optional<RevisionInfo> resolve(String repository, String revision) {
        return remembered(new Key("revision", repository, revision), () -> queries.resolve(repository, revision));
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> remembered(Key key, Supplier<Optional<T>> lookup) {
        if (ttlNanos <= 0) {
            return lookup.get();
        }
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return Optional.of((T) entry.value());
        }
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(found.get(), now + ttlNanos));
        } else {
            entries.remove(key);
        }
        return found;
    }
}
