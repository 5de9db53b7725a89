package io.uapiguard.api;

import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentLruCache;

/**
 * Stored models kept deserialised in memory, bounded (LRU), keyed by (repository, commit, path): a commit's model
 * never changes, so each check against a popular base costs no database read and no JSON decoding.
 */
@Component
public class ModelCache {

    private record Key(String repository, String commitId, String path) {
    }

    private final ConcurrentLruCache<Key, Optional<UapiModel>> cache;

    ModelCache(HistoryQueries queries, LimitsProperties limits) {
        this.cache = new ConcurrentLruCache<>(Math.max(1, limits.cachedModels()),
                key -> queries.model(key.repository(), key.commitId(), key.path()));
    }

    /** The stored model of {@code path} at {@code commitId}; empty when absent or when its header did not parse. */
    public Optional<UapiModel> model(String repository, String commitId, String path) {
        return cache.get(new Key(repository, commitId, path));
    }
}
