package io.uapiguard.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.uapiguard.model.UapiModel;
import java.util.Optional;

/**
 * Stored models kept deserialised in memory, and stored header texts, bounded (Caffeine: the recently and often used
 * stay), keyed by (repository, commit, path): a commit's model and text never change, so each check against a popular
 * base costs no database read and no JSON decoding (its text, read by the consumers, the line diff and the stored
 * check's excerpts, was 300 KB fetched and decoded per check). Shared by the API's checks, the web report and its
 * walk of the consumers each revision broke, which is why it lives with the read side rather than in any of them.
 * Eviction runs on the calling thread: nothing here starts a thread.
 */
public class ModelCache {

    private record Key(String repository, String commitId, String path) {
    }

    /** The characters of header text kept at most: a few dozen bpf.h revisions. */
    static final long TEXT_CHARS = 16L << 20;

    private final LoadingCache<Key, Optional<UapiModel>> cache;
    private final LoadingCache<Key, Optional<String>> texts;

    /** At most {@code capacity} models (at least one) stay in memory, and texts of {@link #TEXT_CHARS} in all. */
    public ModelCache(HistoryQueries queries, int capacity) {
        this.cache = Caffeine.newBuilder().maximumSize(Math.max(1, capacity)).executor(Runnable::run)
                .build(key -> queries.model(key.repository(), key.commitId(), key.path()));
        this.texts = Caffeine.newBuilder().maximumWeight(TEXT_CHARS)
                .<Key, Optional<String>>weigher((key, text) -> text.map(String::length).orElse(0))
                .executor(Runnable::run)
                .build(key -> queries.headerText(key.repository(), key.commitId(), key.path()));
    }

    /** The stored text of {@code path} at {@code commitId}; empty when the revision has no such header. */
    public Optional<String> text(String repository, String commitId, String path) {
        return texts.get(new Key(repository, commitId, path));
    }

    /** The stored model of {@code path} at {@code commitId}; empty when absent or when its header did not parse. */
    public Optional<UapiModel> model(String repository, String commitId, String path) {
        return cache.get(new Key(repository, commitId, path));
    }
}
