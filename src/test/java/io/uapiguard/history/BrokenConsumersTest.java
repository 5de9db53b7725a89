package io.uapiguard.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Finding;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The report's list of the consumers each revision broke: the revision that changes the mapper's text is named with
 * the consumer, and a revision that holds the blob before it is neither read nor judged.
 */
class BrokenConsumersTest {

    private static final String PATH = "include/uapi/linux/bpf.h";
    private final List<String> reads = new ArrayList<>();

    private static String fixture(String name) throws IOException {
        try (InputStream in = BrokenConsumersTest.class.getResourceAsStream(
                "/compat/consumer.extraction-changed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RevisionInfo revision(String commit, String blob) {
        return new RevisionInfo(commit, Instant.EPOCH, "a", "subject " + commit, List.of(), Map.of(PATH, blob), true);
    }

    @Test
    void theRevisionThatChangedTheMapperIsListedAndEachBlobIsReadOnce() throws IOException {
        Map<String, String> texts = Map.of("c1", fixture("old.h"), "c2", fixture("old.h"), "c3", fixture("new.h"));
        HeaderParser parser = new HeaderParser();
        // Newest first, as the store lists them; c2 holds c1's blob.
        List<RevisionInfo> revisions = List.of(revision("c3", "b2"), revision("c2", "b1"), revision("c1", "b1"));
        HistoryQueries store = (HistoryQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HistoryQueries.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "revisions" -> revisions;
                    case "headerText" -> {
                        reads.add("text " + args[1]);
                        yield Optional.of(texts.get((String) args[1]));
                    }
                    case "model" -> {
                        reads.add("model " + args[1]);
                        yield Optional.of(parser.parse(PATH, texts.get((String) args[1])));
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        StoredComparisons comparisons = new StoredComparisons(store, CompatEngine.standard());

        List<StoredComparisons.BrokenConsumers> broken = comparisons.brokenConsumers("r", "c1", "c3", PATH);
        assertThat(broken).extracting(StoredComparisons.BrokenConsumers::commitId).containsExactly("c3");
        assertThat(broken.get(0).findings()).extracting(Finding::rule).containsOnly("consumer.extraction-changed");
        assertThat(reads).containsExactly("text c1", "model c1", "text c3", "model c3");
    }
}
