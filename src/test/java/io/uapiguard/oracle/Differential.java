package io.uapiguard.oracle;

import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares gcc's facts about a header with uapiguard's, fact by fact. */
public final class Differential {

    /** The kinds of fact measured, as the issue's acceptance names them. */
    public enum Kind {
        ENUM("enum constants"), SIZE("struct sizes"), OFFSET("member offsets"), DEFINE("integer defines");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public enum Outcome { EQUAL, DIFFER, MISSING }

    /**
     * One of gcc's facts and what uapiguard said of it.
     *
     * @param name the constant or define, {@code struct foo} for a size, {@code struct foo.a.b} for an offset
     *     ({@code typedef foo} for a typedef'd anonymous record)
     * @param why for a missing fact: the header was not modelled, the element is absent, or it has no value
     */
    public record Fact(Kind kind, String name, BigInteger gcc, BigInteger uapiguard, Outcome outcome, String why) {
    }

    /** The comparison of one header that gcc compiles on its own. */
    public record HeaderResult(String header, int exit, boolean complete, String error, List<Fact> facts) {

        public HeaderResult {
            facts = List.copyOf(facts);
        }

        public boolean modelled() {
            return exit == 0;
        }

        /**
         * The facts that differ in a header uapiguard modelled with exit 0 and reported complete: wrong answers
         * given as the whole truth. A model with gaps says it may be wrong.
         */
        public List<Fact> wrong() {
            return modelled() && complete ? facts.stream().filter(f -> f.outcome() == Outcome.DIFFER).toList() : List.of();
        }

        /**
         * The facts absent from a model given with exit 0 (a define present without a value is not silent: its
         * null value says so).
         */
        public List<Fact> silentlyMissing() {
            return modelled() ? facts.stream().filter(f -> f.outcome() == Outcome.MISSING
                    && !f.why().startsWith(NO_VALUE)).toList() : List.of();
        }

        public long count(Kind kind, Outcome outcome) {
            return facts.stream().filter(f -> f.kind() == kind && f.outcome() == outcome).count();
        }
    }

    private static final Pattern CALL = Pattern.compile("([A-Za-z_]\\w*) ?\\(");
    private static final Pattern WORD = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*");
    private static final Pattern SIZEOF = Pattern.compile("\\b(sizeof|_Alignof|__alignof__|offsetof|__builtin_offsetof)\\b");
    private static final Pattern TAGGED = Pattern.compile("\\b(struct|union|enum)\\s+[A-Za-z_]\\w*");
    /** Words of C that may appear in a constant expression (casts) and name nothing of a header. */
    private static final Set<String> C_WORDS = Set.of("unsigned", "signed", "int", "long", "short", "char",
            "struct", "union", "enum", "const", "volatile", "_Bool", "__typeof__", "typeof", "_Alignof", "__alignof__");

    static final String NOT_MODELLED = "header not modelled";
    static final String ABSENT = "absent from the model";
    static final String NO_VALUE = "define without a value";
    static final String TYPEDEF_RECORD = "typedef'd anonymous record";

    private Differential() {
    }

    public static HeaderResult compare(GroundTruth truth, ModelFacts model) {
        if (!truth.compiles()) {
            throw new IllegalArgumentException(truth.header() + " does not compile with gcc: nothing to compare");
        }
        List<Fact> facts = new ArrayList<>();
        boolean modelled = model.exit() == 0;
        new TreeMap<>(truth.enumConstants()).forEach((name, value) ->
                facts.add(fact(Kind.ENUM, name, value, modelled, model.enumConstants().containsKey(name),
                        model.enumConstants().get(name), ABSENT)));
        for (RecordFact r : new TreeMap<>(truth.records()).values()) {
            String label = (r.typedefName() ? "typedef " : r.kind() + " ") + r.name();
            RecordFact mine = model.records().get(r.name());
            String absent = r.typedefName() ? TYPEDEF_RECORD : ABSENT;
            facts.add(fact(Kind.SIZE, label, BigInteger.valueOf(r.size()), modelled, mine != null,
                    mine == null ? null : BigInteger.valueOf(mine.size()), absent));
            new TreeMap<>(r.memberOffsets()).forEach((path, bits) -> {
                Long offset = mine == null ? null : mine.memberOffsets().get(path);
                facts.add(fact(Kind.OFFSET, label + "." + path, BigInteger.valueOf(bits), modelled, offset != null,
                        offset == null ? null : BigInteger.valueOf(offset), mine == null ? absent : ABSENT));
            });
        }
        new TreeMap<>(truth.defines()).forEach((name, value) -> {
            boolean present = model.defines().containsKey(name);
            BigInteger mine = model.defines().get(name);
            facts.add(fact(Kind.DEFINE, name, value, modelled, present && mine != null, mine,
                    present ? NO_VALUE + ": " + shape(model.defineTexts().get(name), model) : ABSENT));
        });
        return new HeaderResult(truth.header(), model.exit(), model.complete(), model.error(), facts);
    }

    /**
     * Why a define has no value, for grouping: it invokes a function-like macro ({@code invokes _IOR(...)}), uses
     * {@code sizeof}, names something the model does not know (defined in another header), names a define of the
     * header that has no value itself, is a string, else "other".
     */
    static String shape(String text, ModelFacts model) {
        if (text == null) {
            return "other";
        }
        if (text.startsWith("\"")) {
            return "a string";
        }
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            if (!SIZEOF.matcher(call.group(1)).matches()) {
                return "invokes " + call.group(1) + "(...)";
            }
        }
        if (SIZEOF.matcher(text).find()) {
            return "sizeof";
        }
        Matcher word = WORD.matcher(TAGGED.matcher(text).replaceAll(" "));
        boolean valueless = false;
        while (word.find()) {
            String w = word.group();
            if (!model.defines().containsKey(w) && !model.enumConstants().containsKey(w) && !C_WORDS.contains(w)) {
                return "uses a name the header does not define";
            }
            valueless |= model.defines().containsKey(w) && model.defines().get(w) == null;
        }
        return valueless ? "uses a define of the header without a value" : "other";
    }

    private static Fact fact(Kind kind, String name, BigInteger gcc, boolean modelled, boolean present,
            BigInteger mine, String whyMissing) {
        if (!modelled) {
            return new Fact(kind, name, gcc, null, Outcome.MISSING, NOT_MODELLED);
        }
        if (!present) {
            return new Fact(kind, name, gcc, null, Outcome.MISSING, whyMissing);
        }
        return new Fact(kind, name, gcc, mine, gcc.equals(mine) ? Outcome.EQUAL : Outcome.DIFFER, null);
    }

    /** Sums over headers. */
    public static final class Totals {
        private final Map<Kind, long[]> counts = new TreeMap<>();
        int notCompiling;
        int compiling;
        int modelled;
        long wrong;
        long silentlyMissing;
        int silentHeaders;

        public void add(HeaderResult r) {
            compiling++;
            if (r.modelled()) {
                modelled++;
            }
            wrong += r.wrong().size();
            silentlyMissing += r.silentlyMissing().size();
            silentHeaders += r.silentlyMissing().isEmpty() ? 0 : 1;
            for (Fact f : r.facts()) {
                counts.computeIfAbsent(f.kind(), k -> new long[Outcome.values().length])[f.outcome().ordinal()]++;
            }
        }

        public void addNotCompiling() {
            notCompiling++;
        }

        public long count(Kind kind, Outcome outcome) {
            long[] c = counts.get(kind);
            return c == null ? 0 : c[outcome.ordinal()];
        }

        public long total(Kind kind) {
            long[] c = counts.get(kind);
            return c == null ? 0 : c[0] + c[1] + c[2];
        }

        /** Equal facts as a share of gcc's facts of that kind (1 when gcc has none). */
        public double equalShare(Kind kind) {
            long total = total(kind);
            return total == 0 ? 1 : (double) count(kind, Outcome.EQUAL) / total;
        }

        public double modelledShare() {
            return compiling == 0 ? 1 : (double) modelled / compiling;
        }

        public int compiling() {
            return compiling;
        }

        public int modelled() {
            return modelled;
        }

        public long wrong() {
            return wrong;
        }

        public long silentlyMissing() {
            return silentlyMissing;
        }

        public int silentHeaders() {
            return silentHeaders;
        }

        /** Every header seen, compiling or not. */
        public int headers() {
            return notCompiling + compiling;
        }
    }
}
