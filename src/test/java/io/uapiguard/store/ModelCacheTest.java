package io.uapiguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stored header's text is read from the store once while it is kept, and only the asked revision's text. */
class ModelCacheTest {

    private final List<String> reads = new ArrayList<>();

    private final HistoryQueries store = (HistoryQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HistoryQueries.class}, (proxy, method, args) -> {
                if (!method.getName().equals("headerText")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                reads.add(args[1] + ":" + args[2]);
                return "absent".equals(args[1]) ? Optional.empty() : Optional.of("text of " + args[1]);
            });

    @Test
    void aTextIsReadOnceAndKeptPerRevisionAndPath() {
        ModelCache cache = new ModelCache(store, 4);
        String first = cache.text("r", "c1", "bpf.h").orElseThrow();
        assertThat(cache.text("r", "c1", "bpf.h")).containsSame(first);
        assertThat(cache.text("r", "c2", "bpf.h")).contains("text of c2");
        assertThat(cache.text("r", "absent", "bpf.h")).isEmpty();
        assertThat(cache.text("r", "absent", "bpf.h")).isEmpty();
        assertThat(reads).containsExactly("c1:bpf.h", "c2:bpf.h", "absent:bpf.h");
    }
}
