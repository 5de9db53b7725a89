package io.uapiguard.api;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.Param;
import io.uapiguard.model.Problem;
import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.HistoryQueries.TagInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small hand-made history rows and models for the web slices (no corpus data). */
public final class ServiceFixtures {

    public static final String PATH = "include/uapi/linux/bpf.h";
    public static final String C1 = "1111111111111111111111111111111111111111";
    public static final String C2 = "2222222222222222222222222222222222222222";
    public static final String C3 = "3333333333333333333333333333333333333333";

    private ServiceFixtures() {
    }

    public static RepositoryInfo repository() {
        return new RepositoryInfo("linux", "https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git", "v*",
                List.of("master"), List.of(PATH), Instant.parse("2026-11-24T12:00:00Z"));
    }

    public static RevisionInfo revision(String commit, String... tags) {
        return new RevisionInfo(commit, Instant.parse("2026-01-0" + commit.charAt(0) + "T00:00:00Z"), "A. Author",
                "subject " + commit.charAt(0), List.of(tags), Map.of(PATH, "b" + commit.substring(1)), true);
    }

    public static List<TagInfo> tags() {
        return List.of(
                new TagInfo("v1", C1, Instant.parse("2026-01-01T00:00:00Z"), null, null, 0, 0, 0, 2, null),
                new TagInfo("v2", C2, Instant.parse("2026-01-02T00:00:00Z"), "v1", "compatible", 0, 0, 1, 3, null),
                new TagInfo("v3", C3, Instant.parse("2026-01-03T00:00:00Z"), "v2", "breaking", 1, 0, 0, 3, null));
    }

    public static UapiModel model(Helper... helpers) {
        return new UapiModel(UapiModel.SCHEMA_VERSION, List.of(helpers), new Mapper(List.of(), ""), List.of(),
                List.of(), List.of(), List.of());
    }

    public static UapiModel model(List<Problem> problems, Helper... helpers) {
        return new UapiModel(UapiModel.SCHEMA_VERSION, List.of(helpers), new Mapper(List.of(), ""), List.of(),
                List.of(), List.of(), problems);
    }

    public static Helper helper(String name, long id, String returnType, Param... params) {
        return new Helper(name, id, 100 + (int) id,
                List.of(new HelperDoc(10 + (int) id, returnType, "bpf_" + name, List.of(params))));
    }

    public static Finding finding(String rule, Severity severity, String symbol, String message, int line) {
        return new Finding(rule, severity, symbol, message, "1", "2", new Location(PATH, line),
                Map.of("helper", symbol), false, null);
    }

    public static Comparison breaking() {
        return new Comparison(List.of(
                finding("helper.id-changed", Severity.BREAKING, "map_lookup_elem",
                        "Id of helper bpf_map_lookup_elem changed from 1 to 2.", 120)));
    }
}
