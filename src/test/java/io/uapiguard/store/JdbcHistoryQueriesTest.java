package io.uapiguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.history.StoredComparisons;
import io.uapiguard.model.Define;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.MapperMacro;
import io.uapiguard.model.Param;
import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries.HeaderVerdict;
import io.uapiguard.store.HistoryQueries.TagInfo;
import io.uapiguard.store.IngestStore.ComparisonKey;
import io.uapiguard.store.IngestStore.NewRevision;
import io.uapiguard.store.IngestStore.ParsedBlob;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repository slice: the store's read side on a real PostgreSQL migrated by Spring's Flyway, over rows written
 * by the ingest's store. Models and findings are made by hand so the test does not depend on the front end.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JdbcHistoryQueriesTest {

    private static final String PATH = "include/uapi/linux/bpf.h";

    @Autowired
    DataSource dataSource;

    private IngestStore store;
    private JdbcHistoryQueries queries;

    private static UapiModel model(Helper... helpers) {
        return new UapiModel(UapiModel.SCHEMA_VERSION, List.of(helpers),
                new Mapper(List.of(new MapperMacro("__BPF_FUNC_MAPPER", List.of("FN"), 1, ",", 3, "FN(unspec)")),
                        "FN(unspec)"),
                List.of(), List.of(new Define("BPF_F_X", "(1ULL << 63)", BigInteger.ONE.shiftLeft(63), 7)),
                List.of(), List.of());
    }

    private static Helper helper(String name, long id, String ret) {
        return new Helper(name, id, 10, List.of(new HelperDoc(20, ret, "bpf_" + name,
                List.of(new Param("struct bpf_map *", "map"), new Param("const void *", "key")))));
    }

    private static final UapiModel OLD = model(helper("map_lookup_elem", 1, "void *"));
    private static final UapiModel NEW = model(helper("map_lookup_elem", 2, "void *"), helper("probe", 3, "long"));
    private static final Finding ID_CHANGED = new Finding("helper.id-changed", Severity.BREAKING, "map_lookup_elem",
            "Id of helper bpf_map_lookup_elem changed from 1 to 2.", "1", "2", new Location(PATH, 12),
            Map.of("helper", "map_lookup_elem", "old_id", "1", "new_id", "2"), false, null);
    private static final Finding ADDED = new Finding("helper.added", Severity.INFO, "probe",
            "Helper bpf_probe (id 3) was added.", null, "3", new Location(PATH, 14), Map.of("helper", "probe"),
            false, null);

    @BeforeEach
    void store() {
        store = new IngestStore(dataSource);
        queries = new JdbcHistoryQueries(dataSource, CompatEngine.VERSION);
        if (store.repository("linux").isPresent()) {
            return;
        }
        store.upsertRepository("linux", "/src/linux", "v*", List.of(), List.of(PATH), null);
        long repo = store.repository("linux").orElseThrow().id();
        store.storeBlobs(List.of(new ParsedBlob("b1", "old text", 1, OLD, null),
                new ParsedBlob("b2", "new text", 1, NEW, null),
                new ParsedBlob("b3", "bad text", 1, null, PATH + ":3:7: expected ';'")));
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        store.storeRevisions(repo, List.of(
                new NewRevision("aaaa1111", 0, t, t, "Ann", "ann@example.org", "one", null, Map.of(PATH, "b1")),
                new NewRevision("bbbb2222", 1, t.plusSeconds(60), t, "Bob", "bob@example.org", "two", "aaaa1111",
                        Map.of(PATH, "b2")),
                new NewRevision("bbbb3333", 2, t.plusSeconds(120), t, "Cy", "cy@example.org", "three", "bbbb2222",
                        Map.of(PATH, "b3"))));
        store.storeComparisons(Map.of(new ComparisonKey("b1", "b2", PATH), new Comparison(List.of(ID_CHANGED, ADDED))),
                CompatEngine.VERSION);
        store.updateRefs(repo, Set.of("aaaa1111", "bbbb2222", "bbbb3333"),
                Map.of("v1", "aaaa1111", "v2", "bbbb2222", "v3", "bbbb3333"),
                Map.of("aaaa1111", "v1", "bbbb2222", "v2", "bbbb3333", "v3"), "state");
    }

    @Test
    void aStoredComparisonIsReadBackFindingByFinding() {
        Comparison c = new StoredComparisons(queries, CompatEngine.standard()).comparison("linux", "aaaa1111", "bbbb2222", PATH);

        assertThat(c.findings()).containsExactly(ID_CHANGED, ADDED);
        assertThat(c.verdict()).isEqualTo("breaking");
    }

    @Test
    void aComparisonStoredByAnOlderEngineIsNeverServed() {
        JdbcHistoryQueries newer = new JdbcHistoryQueries(dataSource, CompatEngine.VERSION + 1);
        Comparison now = CompatEngine.standard().compare(OLD, NEW, PATH);
        assertThat(now.findings()).as("differs from the stored one").isNotEqualTo(List.of(ID_CHANGED, ADDED));

        assertThat(new StoredComparisons(newer, CompatEngine.standard()).comparison("linux", "aaaa1111", "bbbb2222", PATH)).isEqualTo(now);
        assertThat(newer.tags("linux")).extracting(TagInfo::name, TagInfo::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("v1", null), org.assertj.core.groups.Tuple.tuple("v2", null),
                org.assertj.core.groups.Tuple.tuple("v3", null));
    }

    @Test
    void theReadSideLeavesAStaleComparisonToItsCallerInsteadOfComputingIt() {
        JdbcHistoryQueries newer = new JdbcHistoryQueries(dataSource, CompatEngine.VERSION + 1);

        assertThat(newer.storedComparison("linux", "aaaa1111", "bbbb2222", PATH)).isEmpty();
        assertThat(queries.storedComparison("linux", "aaaa1111", "bbbb2222", PATH)).isPresent();
    }

    @Test
    void modelsRoundTripThroughJsonbUnchanged() {
        assertThat(queries.model("linux", "bbbb2222", PATH)).contains(NEW);
        assertThat(queries.model("linux", "bbbb3333", PATH)).as("did not parse").isEmpty();
        assertThat(queries.headerText("linux", "bbbb3333", PATH)).contains("bad text");
    }

    @Test
    void tagsCarryTheirVerdictAgainstThePreviousTagAndTheirParseState() {
        assertThat(queries.tags("linux")).containsExactly(
                new TagInfo("v1", "aaaa1111", Instant.parse("2024-01-01T00:00:00Z"), null, null, 0, 0, 0, 1, null,
                        List.of(new HeaderVerdict(PATH, null, null, 0, 0, 0, null))),
                new TagInfo("v2", "bbbb2222", Instant.parse("2024-01-01T00:01:00Z"), "v1", "breaking", 1, 0, 1, 2,
                        null, List.of(new HeaderVerdict(PATH, "changed", "breaking", 1, 0, 1, null))),
                new TagInfo("v3", "bbbb3333", Instant.parse("2024-01-01T00:02:00Z"), "v2", null, 0, 0, 0, null,
                        PATH + ":3:7: expected ';'", List.of(new HeaderVerdict(PATH, "changed", null, 0, 0, 0,
                                PATH + ":3:7: expected ';'"))));
    }

    @Test
    void tagsJudgeEveryHeaderAddedAndRemovedOnesToo() {
        store.upsertRepository("many", "/src/many", "v*", List.of(), List.of("include/uapi/**/*.h"), null);
        long repo = store.repository("many").orElseThrow().id();
        String other = "include/uapi/linux/if_link.h";
        String gone = "include/uapi/linux/old.h";
        Instant t = Instant.parse("2024-02-01T00:00:00Z");
        store.storeRevisions(repo, List.of(
                new NewRevision("cccc1111", 0, t, t, "Ann", "ann@example.org", "one", null,
                        Map.of(PATH, "b1", gone, "b1")),
                new NewRevision("cccc2222", 1, t.plusSeconds(60), t, "Bob", "bob@example.org", "two", "cccc1111",
                        Map.of(PATH, "b2", other, "b1"))));
        store.updateRefs(repo, Set.of("cccc1111", "cccc2222"), Map.of("w1", "cccc1111", "w2", "cccc2222"),
                Map.of("cccc1111", "w1", "cccc2222", "w2"), "state");

        TagInfo second = queries.tags("many").get(1);

        assertThat(second.headers()).containsExactly(
                new HeaderVerdict(PATH, "changed", "breaking", 1, 0, 1, null),
                new HeaderVerdict(other, "added", "compatible", 0, 0, 1, null),
                new HeaderVerdict(gone, "removed", "breaking", 1, 0, 0, null));
        assertThat(second).returns("breaking", TagInfo::verdict).returns(2, TagInfo::breaking)
                .returns(2, TagInfo::infos).returns(2, TagInfo::helperCount);
    }

    @Test
    void revisionsResolveByTagByUniquePrefixOrAsTheNewest() {
        assertThat(queries.resolve("linux", "v1").orElseThrow().commitId()).isEqualTo("aaaa1111");
        assertThat(queries.resolve("linux", "aaaa").orElseThrow().tags()).containsExactly("v1");
        assertThat(queries.resolve("linux", null).orElseThrow().commitId()).isEqualTo("bbbb3333");
        assertThat(queries.resolve("linux", "cccc")).isEmpty();
        assertThatThrownBy(() -> queries.resolve("linux", "bbbb")).isInstanceOf(UapiguardException.class)
                .hasMessage("the commit id 'bbbb' is ambiguous in linux; give more digits");
        assertThatThrownBy(() -> queries.revisions("nope")).isInstanceOf(UapiguardException.class)
                .hasMessage("no repository named 'nope'");
    }

    @Test
    void helpersAreQueryableByNameAndIdWithTheirSignatures() {
        assertThat(queries.helperTimeline("linux", "bpf_probe", PATH)).singleElement()
                .returns("added", HistoryQueries.HelperEvent::kind)
                .returns("long bpf_probe(struct bpf_map *map, const void *key)", HistoryQueries.HelperEvent::signature)
                .returns("v2", HistoryQueries.HelperEvent::firstTag);
        assertThat(queries.helperTimeline("linux", "map_lookup_elem", PATH))
                .extracting(HistoryQueries.HelperEvent::kind).containsExactly("added", "id-changed");
        assertThat(queries.firstTagContaining("linux", "bbbb2222")).contains("v2");
    }

    @Test
    void aComparisonWithAHeaderThatDidNotParseIsAParseErrorNamingIt() {
        assertThatThrownBy(() -> new StoredComparisons(queries, CompatEngine.standard()).comparison("linux", "bbbb2222", "bbbb3333", PATH))
                .isInstanceOf(UapiguardException.class)
                .hasMessage(PATH + " at bbbb3333 did not parse: " + PATH + ":3:7: expected ';'");
    }
}
