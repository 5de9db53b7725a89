package io.uapiguard.model;

import io.uapiguard.UapiguardException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sizes and alignments of the base types a UAPI header uses, and the macros the compiler predefines, for one
 * target ABI.
 *
 * <p>The data lives in one table per architecture, the resource {@code abi-<name>.txt} beside this class
 * ({@code name | size | align | C definition}, then {@code #define NAME BODY} lines for the predefined macros,
 * byte order included); another architecture is another file and one more constant.
 * Names are looked up in the {@link CTypes#normalize normalised} spelling ({@code unsigned long long}).
 * Two pseudo-entries give what is not a named type: {@value #POINTER} (any data pointer) and {@value #ENUM}
 * (any enum).
 */
public final class Abi {

    /** The table key for data pointers. */
    public static final String POINTER = "*";
    /** The table key for enums. */
    public static final String ENUM = "enum";

    /** x86-64 Linux: System V psABI, LP64. */
    public static final Abi X86_64 = load("x86_64");

    /**
     * One base type: size and alignment in bytes, its definition in the compiler's own types, and whether it is an
     * integer type (may be a bitfield): its definition uses only integer keywords.
     */
    public record BaseType(String name, int size, int align, String cDefinition, boolean isInteger) {

        public BaseType(String name, int size, int align, String cDefinition) {
            this(name, size, align, cDefinition, integerDefinition(cDefinition));
        }

        private static boolean integerDefinition(String cDefinition) {
            int attr = cDefinition.indexOf("__attribute__");
            for (String word : (attr >= 0 ? cDefinition.substring(0, attr) : cDefinition).strip().split(" ")) {
                switch (word) {
                    case "char", "short", "int", "long", "signed", "unsigned", "__int128", "_Bool" -> {
                    }
                    default -> {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private final String name;
    private final Map<String, BaseType> types;
    private final BaseType pointer;
    private final BaseType enumType;
    private final Map<String, String> predefined;
    private final String predefinedSource;
    private final String multiarch;

    private Abi(String name, Map<String, BaseType> types, Map<String, String> predefined, String multiarch) {
        this.name = name;
        this.multiarch = multiarch;
        this.types = Collections.unmodifiableMap(types);
        this.pointer = required(types, POINTER, name);
        this.enumType = required(types, ENUM, name);
        this.predefined = Collections.unmodifiableMap(predefined);
        StringBuilder source = new StringBuilder();
        predefined.forEach((macro, body) -> source.append("#define ").append(macro)
                .append(body.isEmpty() ? "" : " " + body).append('\n'));
        this.predefinedSource = source.toString();
    }

    /** Reads the table {@code abi-<name>.txt} from the class path. */
    public static Abi load(String name) {
        String resource = "abi-" + name + ".txt";
        try (InputStream in = Abi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "no ABI table for '" + name + "'");
            }
            return parse(name, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ABI from the text of a table; {@code source} names it in errors. */
    public static Abi parse(String name, String source, String table) {
        Map<String, BaseType> types = new LinkedHashMap<>();
        Map<String, String> predefined = new LinkedHashMap<>();
        String multiarch = name + "-linux-gnu";
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(table))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.startsWith(DEFINE)) {
                    predefine(predefined, line.substring(DEFINE.length()).strip(), source, lineNo);
                    continue;
                }
                if (line.startsWith(MULTIARCH)) {
                    multiarch = line.substring(MULTIARCH.length()).strip();
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\\|", -1);
                if (cols.length != 4) {
                    throw tableError(source, lineNo, "expected 'name | size | align | C definition'");
                }
                String typeName = CTypes.normalize(cols[0]);
                try {
                    int size = Integer.parseInt(cols[1].strip());
                    int align = Integer.parseInt(cols[2].strip());
                    if (size < 0 || align <= 0 || Integer.bitCount(align) != 1) {
                        throw tableError(source, lineNo, "size must be >= 0 and alignment a power of two");
                    }
                    if (types.put(typeName, new BaseType(typeName, size, align, cols[3].strip())) != null) {
                        throw tableError(source, lineNo, "duplicate type '" + typeName + "'");
                    }
                } catch (NumberFormatException e) {
                    throw tableError(source, lineNo, "size and alignment must be integers");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkPredefinedSizes(types, predefined, source);
        return new Abi(name, types, predefined, multiarch);
    }

    private static final String DEFINE = "#define ";
    private static final String MULTIARCH = "multiarch ";

    private static void predefine(Map<String, String> predefined, String definition, String source, int lineNo) {
        int space = definition.indexOf(' ');
        String macro = space < 0 ? definition : definition.substring(0, space);
        String body = space < 0 ? "" : definition.substring(space + 1).strip();
        if (macro.isEmpty() || macro.indexOf('(') >= 0) {
            throw tableError(source, lineNo, "expected '#define NAME BODY' of an object-like macro");
        }
        if (predefined.put(macro, body) != null) {
            throw tableError(source, lineNo, "duplicate predefined macro '" + macro + "'");
        }
    }

    /** A table's {@code __SIZEOF_X__} macros must say what its types say. */
    private static void checkPredefinedSizes(Map<String, BaseType> types, Map<String, String> predefined,
                                             String source) {
        Map<String, String> sizeMacros = Map.of("__SIZEOF_SHORT__", "short", "__SIZEOF_INT__", "int",
                "__SIZEOF_LONG__", "long", "__SIZEOF_LONG_LONG__", "long long", "__SIZEOF_POINTER__", POINTER);
        sizeMacros.forEach((macro, type) -> {
            String body = predefined.get(macro);
            BaseType t = types.get(type);
            if (body != null && t != null && !body.equals(Integer.toString(t.size()))) {
                throw tableError(source, 0, macro + " is " + body + " but '" + type + "' has size " + t.size());
            }
        });
    }

    public String name() {
        return name;
    }

    /** Every entry, in table order (pseudo-entries included). */
    public Map<String, BaseType> types() {
        return types;
    }

    /** The base type named {@code typeName} (any spelling; normalised here), if the table has it. */
    public Optional<BaseType> lookup(String typeName) {
        return Optional.ofNullable(find(typeName));
    }

    private BaseType find(String typeName) {
        BaseType t = types.get(typeName);
        return t != null ? t : types.get(CTypes.normalize(typeName));
    }

    /**
     * The base type named {@code typeName}, or a PARSE_ERROR naming the type and the line that uses it.
     *
     * @param line 1-based line of the use in the header, 0 when unknown
     */
    public BaseType require(String typeName, int line) {
        BaseType t = find(typeName);   // not lookup(): no Optional, no capturing lambda for every member
        if (t == null) {
            throw new UapiguardException(UapiguardException.Reason.PARSE_ERROR,
                    "unknown type '" + typeName + "'" + (line > 0 ? " at line " + line : "")
                            + ": neither a typedef of the header nor a base type of the " + name + " ABI",
                    null, line, 0, null);
        }
        return t;
    }

    /** The macros the compiler predefines for this target, name to replacement text, in table order. */
    /** The target's multiarch triplet ({@code x86_64-linux-gnu}): where its system headers live beside the others. */
    public String multiarch() {
        return multiarch;
    }

    public Map<String, String> predefinedMacros() {
        return predefined;
    }

    /** {@link #predefinedMacros()} as the {@code #define} lines a preprocessor reads before the header. */
    public String predefinedSource() {
        return predefinedSource;
    }

    public BaseType pointer() {
        return pointer;
    }

    public BaseType enumType() {
        return enumType;
    }

    private static BaseType required(Map<String, BaseType> types, String key, String abi) {
        BaseType t = types.get(key);
        if (t == null) {
            throw new UapiguardException(UapiguardException.Reason.INTERNAL,
                    "ABI table '" + abi + "' lacks the entry '" + key + "'");
        }
        return t;
    }

    private static UapiguardException tableError(String source, int line, String message) {
        return new UapiguardException(UapiguardException.Reason.BAD_INPUT, message, source, line, 0, null);
    }

    @Override
    public String toString() {
        return "Abi[" + name + "]";
    }
}
