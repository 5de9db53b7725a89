package io.uapiguard.compat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.uapiguard.model.Define;
import io.uapiguard.model.EnumConstant;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Field;
import io.uapiguard.model.Helper;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's elements by the names the matching pairs them by, first occurrence winning. Built once per model
 * and reused while the model takes part in comparisons: a history walk compares each revision twice, a check
 * compares every candidate with the same stored base. Immutable once built.
 */
final class ModelIndex {

    /** An enum constant with the enum that holds it. */
    record Placed(EnumDecl decl, EnumConstant constant) {
    }

    final UapiModel model;
    final Map<String, Helper> helpers;
    final Map<String, Placed> constants;
    final Map<String, Define> defines;
    final Map<String, StructDecl> structs;
    private final Map<StructDecl, Map<String, Field>> fields;

    ModelIndex(UapiModel model) {
        this.model = model;
        this.helpers = sized(model.helpers().size());
        for (Helper h : model.helpers()) {
            helpers.putIfAbsent(h.name(), h);
        }
        this.constants = constants(model.enums());
        this.defines = sized(model.defines().size());
        for (Define d : model.defines()) {
            if (!Matching.includeGuard(d)) {
                defines.putIfAbsent(d.name(), d);
            }
        }
        this.structs = sized(model.structs().size());
        this.fields = new IdentityHashMap<>(model.structs().size());
        for (StructDecl s : model.structs()) {
            if (s.name() != null && structs.putIfAbsent(s.name(), s) == null) {
                Map<String, Field> byPath = sized(s.fields().size());
                for (Field f : s.fields()) {
                    byPath.putIfAbsent(f.path(), f);
                }
                fields.put(s, byPath);
            }
        }
    }

    /** A map that holds {@code n} entries without growing: a check's candidate is indexed anew each time. */
    private static <V> Map<String, V> sized(int n) {
        return new LinkedHashMap<>((int) (n / 0.75f) + 1);
    }

    /** The fields of one of {@link #structs} by access path. */
    Map<String, Field> fields(StructDecl struct) {
        return fields.get(struct);
    }

    /** Every enum constant by name except the helper ids, which helper rules judge. */
    private static Map<String, Placed> constants(List<EnumDecl> enums) {
        int n = 0;
        for (EnumDecl e : enums) {
            n += e.constants().size();
        }
        Map<String, Placed> map = sized(n);
        for (EnumDecl e : enums) {
            // The helper enum's BPF_FUNC_* constants are judged by the helper rules, not the enum rules.
            boolean helperEnum = Helper.ENUM.equals(e.name());
            for (EnumConstant c : e.constants()) {
                if (helperEnum && c.name().startsWith(Helper.PREFIX)) {
                    continue;
                }
                map.putIfAbsent(c.name(), new Placed(e, c));
            }
        }
        return map;
    }

    /**
     * The indexes of the models compared recently, found by identity (models are immutable), at most
     * {@code size} of them. Caffeine's weak keys compare by identity and let a model that nothing else holds go;
     * its frequency-aware eviction keeps a base that every check compares with while candidates come and go.
     * Eviction runs on the calling thread: nothing here starts a thread.
     */
    static final class Recent {
        private final Cache<UapiModel, ModelIndex> indexes;

        Recent(int size) {
            this.indexes = Caffeine.newBuilder().weakKeys().maximumSize(size).executor(Runnable::run).build();
        }

        /** The index of {@code model}, built if it is not among the recent ones. */
        ModelIndex of(UapiModel model) {
            return indexes.get(model, ModelIndex::new);
        }
    }
}
