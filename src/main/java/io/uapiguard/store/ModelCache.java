package io.uapiguard.store;

import io.uapiguard.model.UapiModel;
import java.util.Optional;
import org.springframework.util.ConcurrentLruCache;

/**
 * Stored models kept deserialised in memory, bounded (LRU), keyed by (repository, commit, path): a commit's model
 * never changes, so each check against a popular base costs no database read and no JSON decoding. Shared by the
 * API's checks and the web report, which is why it lives with the read side rather than in either of them.
 */
public class ModelCache {

    private record Key(String repository, String commitId, String path) {
    }

    private final ConcurrentLruCache<Key, Optional<UapiModel>> cache;

    /** At most {@code capacity} models (at least one) stay in memory. */
    public ModelCache(HistoryQueries queries, int capacity) {
        this.cache = new ConcurrentLruCache<>(Math.max(1, capacity),
                key -> queries.model(key.repository(), key.commitId(), key.path()));
    }

    /** The stored model of {@code path} at {@code commitId}; empty when absent or when its header did not parse. */
    public Optional<UapiModel> model(String repository, String commitId, String path) {
        return cache.get(new Key(repository, commitId, path));
    }
}
