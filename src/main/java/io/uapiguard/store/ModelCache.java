package io.uapiguard.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.uapiguard.model.UapiModel;
import java.util.Optional;

/**
 * Stored models kept deserialised in memory, bounded (Caffeine: the recently and often used stay), keyed by
 * (repository, commit, path): a commit's model never changes, so each check against a popular base costs no
 * database read and no JSON decoding. Shared by the API's checks and the web report, which is why it lives with
 * the read side rather than in either of them. Eviction runs on the calling thread: nothing here starts a thread.
 */
public class ModelCache {

    private record Key(String repository, String commitId, String path) {
    }

    private final LoadingCache<Key, Optional<UapiModel>> cache;

    /** At most {@code capacity} models (at least one) stay in memory. */
    public ModelCache(HistoryQueries queries, int capacity) {
        this.cache = Caffeine.newBuilder().maximumSize(Math.max(1, capacity)).executor(Runnable::run)
                .build(key -> queries.model(key.repository(), key.commitId(), key.path()));
    }

    /** The stored model of {@code path} at {@code commitId}; empty when absent or when its header did not parse. */
    public Optional<UapiModel> model(String repository, String commitId, String path) {
        return cache.get(new Key(repository, commitId, path));
    }
}
