package io.uapiguard.compat;

import io.uapiguard.compat.ModelIndex.Placed;
import io.uapiguard.model.CTypes;
import io.uapiguard.model.Define;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Field;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.Param;
import io.uapiguard.model.Problem;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Pairs the old and new elements of two models; what the pairs mean is for the rules to say. */
final class Matching {

    private Matching() {
    }

    static void matchAll(ModelIndex olds, ModelIndex news, Consumer<Match> out) {
        Map<String, String> renamed = helpers(olds.helpers, news.helpers, out);
        problems(olds, news, out);
        gaps(olds, news, out);
        out.accept(new Match.MapperPair(mapperOf(olds.model), mapperOf(news.model), renamed));
        enums(olds, news, out);
        defines(olds, news, out);
        structs(olds, news, out);
    }

    private static Mapper mapperOf(UapiModel model) {
        return model.mapper() != null ? model.mapper() : new Mapper(List.of(), null);
    }

    /** The new model's gaps that the old had not: by element and why, so line moves do not count. */
    static void gaps(ModelIndex olds, ModelIndex news, Consumer<Match> out) {
        if (news.model.gaps().isEmpty()) {
            return;
        }
        Set<String> had = new HashSet<>();
        for (io.uapiguard.model.Gap g : olds.model.gaps()) {
            had.add(g.element() + '\0' + g.why());
        }
        for (io.uapiguard.model.Gap g : news.model.gaps()) {
            if (!had.contains(g.element() + '\0' + g.why())) {
                out.accept(new Match.GapIntroduced(g));
            }
        }
    }

    /** The new model's consistency problems that the old had not: by kind and symbol, so line moves do not count. */
    static void problems(ModelIndex olds, ModelIndex news, Consumer<Match> out) {
        if (news.model.problems().isEmpty()) {
            return;
        }
        Set<String> had = new HashSet<>();
        for (Problem p : olds.model.problems()) {
            had.add(p.kind() + '\0' + p.symbol());
        }
        for (Problem p : news.model.problems()) {
            if (!had.contains(p.kind() + '\0' + p.symbol())) {
                out.accept(new Match.ProblemIntroduced(p, olds.helpers.get(p.symbol()), news.helpers.get(p.symbol())));
            }
        }
    }

    // ---- helpers: by name, then gone names by id ----

    /** Emits the helper matches and returns the renames found, old name to new name. */
    static Map<String, String> helpers(Map<String, Helper> oldByName, Map<String, Helper> newByName,
                                       Consumer<Match> out) {
        Map<Long, Helper> newByIdOfNewNames = new HashMap<>();
        for (Helper h : newByName.values()) {
            if (!oldByName.containsKey(h.name())) {
                newByIdOfNewNames.putIfAbsent(h.id(), h);
            }
        }
        Set<String> renamedTo = new HashSet<>();
        Map<String, String> renames = new LinkedHashMap<>();
        for (Helper old : oldByName.values()) {
            Helper same = newByName.get(old.name());
            if (same != null) {
                out.accept(new Match.HelperPair(old, same));
                docs(old, same, out);
                continue;
            }
            Helper successor = newByIdOfNewNames.remove(old.id());
            if (successor != null) {
                renamedTo.add(successor.name());
                renames.put(old.name(), successor.name());
                out.accept(new Match.HelperRenamed(old, successor));
            } else {
                out.accept(new Match.HelperRemoved(old));
            }
        }
        for (Helper h : newByName.values()) {
            if (!oldByName.containsKey(h.name()) && !renamedTo.contains(h.name())) {
                out.accept(new Match.HelperAdded(h));
            }
        }
        return renames;
    }

    /**
     * Pairs the documented signatures of one helper: identical signatures first, then the same context (type of
     * the first parameter), then the rest in their order of appearance. An old doc left over is reported as lost;
     * a new doc left over is a newly documented context and concerns no rule.
     */
    static void docs(Helper oldHelper, Helper newHelper, Consumer<Match> out) {
        if (sameSignatures(oldHelper.docs(), newHelper.docs())) {
            // The usual case, where the pairing below would pair them in order anyway.
            for (int i = 0; i < oldHelper.docs().size(); i++) {
                out.accept(new Match.HelperDocPair(oldHelper, newHelper, oldHelper.docs().get(i),
                        newHelper.docs().get(i), true));
            }
            return;
        }
        List<HelperDoc> olds = new ArrayList<>(oldHelper.docs());
        List<HelperDoc> news = new ArrayList<>(newHelper.docs());
        List<HelperDoc[]> pairs = new ArrayList<>();
        pairBy(olds, news, pairs, Matching::signature);
        pairBy(olds, news, pairs, Matching::context);
        while (!olds.isEmpty() && !news.isEmpty()) {
            pairs.add(new HelperDoc[] {olds.remove(0), news.remove(0)});
        }
        for (HelperDoc lost : olds) {
            pairs.add(new HelperDoc[] {lost, null});
        }
        for (HelperDoc[] p : pairs) {
            out.accept(new Match.HelperDocPair(oldHelper, newHelper, p[0], p[1], false));
        }
    }

    /** Docs that are written the same, in the same order; lines may differ. */
    private static boolean sameSignatures(List<HelperDoc> olds, List<HelperDoc> news) {
        if (olds.size() != news.size()) {
            return false;
        }
        for (int i = 0; i < olds.size(); i++) {
            HelperDoc o = olds.get(i);
            HelperDoc n = news.get(i);
            if (!Objects.equals(o.returnType(), n.returnType()) || !o.params().equals(n.params())) {
                return false;
            }
        }
        return true;
    }

    private static void pairBy(List<HelperDoc> olds, List<HelperDoc> news, List<HelperDoc[]> pairs,
            Function<HelperDoc, String> key) {
        if (olds.isEmpty() || news.isEmpty()) {
            return;
        }
        List<String> newKeys = new ArrayList<>(news.size());
        for (HelperDoc n : news) {
            newKeys.add(key.apply(n));
        }
        for (var it = olds.iterator(); it.hasNext(); ) {
            HelperDoc old = it.next();
            int i = newKeys.indexOf(key.apply(old));
            if (i >= 0) {
                pairs.add(new HelperDoc[] {old, news.remove(i)});
                newKeys.remove(i);
                it.remove();
            }
        }
    }

    static String signature(HelperDoc doc) {
        StringBuilder sb = new StringBuilder(CTypes.collapseBlanks(doc.returnType())).append('(');
        for (Param p : doc.params()) {
            sb.append(CTypes.collapseBlanks(p.type())).append(' ').append(p.name()).append(',');
        }
        return sb.append(')').toString();
    }

    /** The context a doc describes: helpers documented once per program type differ in their first parameter. */
    static String context(HelperDoc doc) {
        return doc.params().isEmpty() ? "" : CTypes.collapseBlanks(doc.params().get(0).type());
    }

    // ---- enums: constants by name across all enums, gone ones renamed within their enum ----

    private static void enums(ModelIndex oldIndex, ModelIndex newIndex, Consumer<Match> out) {
        Map<String, Placed> olds = oldIndex.constants;
        Map<String, Placed> news = newIndex.constants;
        Map<String, Define> newDefines = newIndex.defines;
        List<EnumDecl> newEnums = newIndex.model.enums();
        List<Placed> gone = new ArrayList<>();
        for (Placed o : olds.values()) {
            Placed n = news.get(o.constant().name());
            if (n != null) {
                out.accept(new Match.EnumConstantPair(o.decl(), o.constant(), n.decl(), n.constant()));
            } else {
                gone.add(o);
            }
        }
        List<Placed> appeared = new ArrayList<>();
        for (Placed n : news.values()) {
            if (!olds.containsKey(n.constant().name())) {
                appeared.add(n);
            }
        }
        for (Placed o : gone) {
            Define survivor = newDefines.get(o.constant().name());
            if (survivor != null && Objects.equals(survivor.value(), o.constant().value())) {
                // Sources using the name still build: a removal at warning, not a rename, even if a new name took the value.
                out.accept(new Match.EnumConstantRemoved(o.decl(), o.constant(), survivor));
                continue;
            }
            EnumDecl counterpart = counterpart(o.decl(), newEnums);
            Placed successor = null;
            for (Placed n : appeared) {
                if (n.decl() == counterpart && Objects.equals(n.constant().value(), o.constant().value())) {
                    successor = n;
                    break;
                }
            }
            if (successor != null) {
                appeared.remove(successor);
                out.accept(new Match.EnumConstantRenamed(o.decl(), o.constant(), successor.decl(), successor.constant()));
            } else {
                out.accept(new Match.EnumConstantRemoved(o.decl(), o.constant(), newDefines.get(o.constant().name())));
            }
        }
    }

    /** The new enum that is "the same" as {@code old}: by name, or for an anonymous one, the one holding most of its names. */
    private static EnumDecl counterpart(EnumDecl old, List<EnumDecl> newEnums) {
        if (old.name() != null) {
            return newEnums.stream().filter(e -> old.name().equals(e.name())).findFirst().orElse(null);
        }
        Set<String> names = new HashSet<>();
        old.constants().forEach(c -> names.add(c.name()));
        EnumDecl best = null;
        long bestCount = 0;
        for (EnumDecl e : newEnums) {
            if (e.name() != null) {
                continue;
            }
            long count = e.constants().stream().filter(c -> names.contains(c.name())).count();
            if (count > bestCount) {
                best = e;
                bestCount = count;
            }
        }
        return best;
    }

    // ---- defines: by name ----

    private static void defines(ModelIndex oldIndex, ModelIndex newIndex, Consumer<Match> out) {
        Map<String, Define> news = newIndex.defines;
        Map<String, Placed> newConstants = newIndex.constants;
        for (Define old : oldIndex.defines.values()) {
            Define same = news.get(old.name());
            if (same != null) {
                out.accept(new Match.DefinePair(old, same));
            } else {
                Placed now = newConstants.get(old.name());
                out.accept(new Match.DefineRemoved(old, now == null ? null : now.decl(), now == null ? null : now.constant()));
            }
        }
    }

    /**
     * An empty macro named like a header guard ({@code _UAPI__LINUX_BPF_H__}): it only keeps the header from being
     * read twice, and renaming it (as the real history once did) concerns no user.
     */
    static boolean includeGuard(Define d) {
        if (d.text() != null && !d.text().isBlank()) {
            return false;
        }
        String name = d.name();
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '_') {
            end--;
        }
        return end >= 3 && name.startsWith("_H", end - 2);
    }

    // ---- structs: by name, fields by access path, gone paths renamed at the same offset and type ----

    private static void structs(ModelIndex oldIndex, ModelIndex newIndex, Consumer<Match> out) {
        for (StructDecl old : oldIndex.structs.values()) {
            StructDecl same = newIndex.structs.get(old.name());
            if (same == null) {
                out.accept(new Match.StructRemoved(old));
                continue;
            }
            out.accept(new Match.StructPair(old, same));
            fields(old, oldIndex.fields(old), same, newIndex.fields(same), out);
        }
    }

    private static void fields(StructDecl oldStruct, Map<String, Field> olds, StructDecl newStruct,
                               Map<String, Field> news, Consumer<Match> out) {
        List<Field> appeared = new ArrayList<>();
        for (Field f : news.values()) {
            if (!olds.containsKey(f.path())) {
                appeared.add(f);
            }
        }
        for (Field old : olds.values()) {
            Field same = news.get(old.path());
            if (same != null) {
                out.accept(new Match.FieldPair(oldStruct, old, newStruct, same));
                continue;
            }
            Field successor = successor(old, appeared);
            if (successor != null) {
                appeared.remove(successor);
                out.accept(new Match.FieldRenamed(oldStruct, old, newStruct, successor));
            } else {
                out.accept(new Match.FieldRemoved(oldStruct, old, newStruct));
            }
        }
    }

    /** A new path at the same offset with the same type and size, preferring one under the same parent path. */
    private static Field successor(Field old, List<Field> appeared) {
        Field any = null;
        for (Field f : appeared) {
            if (f.offsetBits() == old.offsetBits() && f.sizeBits() == old.sizeBits()
                    && CTypes.collapseBlanks(f.type()).equals(CTypes.collapseBlanks(old.type()))) {
                if (parent(f.path()).equals(parent(old.path()))) {
                    return f;
                }
                if (any == null) {
                    any = f;
                }
            }
        }
        return any;
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
