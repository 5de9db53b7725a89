package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.Define;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Field;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.MapperMacro;
import io.uapiguard.model.Param;
import io.uapiguard.model.Problem;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import io.uapiguard.include.IncludeDirectories;
import io.uapiguard.model.Abi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code uapiguard model FILE}: the model of one header, as JSON (the published contract) or a readable summary. */
@Command(name = "model", description = "Print the UAPI model of one header (helpers, mapper, enums, defines, structs).")
final class ModelCommand implements Callable<Integer> {

    enum Format { json, text }

    @Parameters(index = "0", paramLabel = "FILE", description = "The header, e.g. include/uapi/linux/bpf.h.")
    private Path file;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text.")
    private Format format;

    @Option(names = {"-I", "--include-dir"}, paramLabel = "DIR",
            description = "A directory #include is looked up in before the system's, as gcc's -I; repeatable.")
    private List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--no-system-includes",
            description = "Do not search the system's directories (/usr/include, its multiarch folder, gcc's), as gcc's -nostdinc.")
    private boolean noSystemIncludes;

    @Option(names = "--tree", paramLabel = "ROOT",
            description = "A kernel tree: its include/uapi and arch/x86/include/uapi are searched first.")
    private Path tree;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String text;
        try {
            // Decoded leniently: bytes that are not UTF-8 become U+FFFD and the parser reports where they are.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UapiguardException.cannotRead(file, e);
        }
        UapiModel model = new HeaderParser(includes(tree, includeDirs, !noSystemIncludes)).parse(file.toString(), text);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            out.println(json.writeValueAsString(model));
        } else {
            printText(model, out);
        }
        out.flush();
        return 0;
    }

    /**
     * As gcc searches: the tree's uapi folders, the directories given, then (with {@code system}) the system's
     * directories where present; a directory given that is also a system one is searched in the system's place.
     */
    static IncludeDirectories includes(Path tree, List<Path> dirs, boolean system) {
        List<Path> systemDirs = system ? IncludeDirectories.system(Abi.X86_64) : List.of();
        List<Path> all = new ArrayList<>();
        if (tree != null) {
            all.addAll(IncludeDirectories.ofKernelTree(tree));
        }
        for (Path d : dirs) {
            if (systemDirs.stream().noneMatch(s -> sameDirectory(s, d))) {
                all.add(d);
            }
        }
        all.addAll(systemDirs);
        return new IncludeDirectories(all);
    }

    private static boolean sameDirectory(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static void printText(UapiModel m, PrintWriter out) {
        out.printf("helpers: %d%n", m.helpers().size());
        for (Helper h : m.helpers()) {
            out.printf("  %4d %s (line %d)%n", h.id(), h.name(), h.line());
            for (HelperDoc d : h.docs()) {
                StringBuilder params = new StringBuilder();
                for (Param p : d.params()) {
                    if (!params.isEmpty()) {
                        params.append(", ");
                    }
                    params.append(p.type()).append(p.name() == null ? "" : (p.type().endsWith("*") ? "" : " ") + p.name());
                }
                out.printf("       %s %s(%s)  [doc line %d]%n", d.returnType(), d.function(), params, d.line());
            }
        }
        out.printf("mapper macros: %d%n", m.mapper().macros().size());
        for (MapperMacro mm : m.mapper().macros()) {
            out.printf("  %s(%s) line %d, FN arity %d, separator \"%s\"%n", mm.name(), String.join(", ", mm.params()),
                    mm.line(), mm.fnArity(), mm.separator());
        }
        String expansion = m.mapper().expansion();
        out.printf("mapper expansion: %s%n", expansion == null ? "(__BPF_FUNC_MAPPER not defined)"
                : expansion.length() > 100 ? expansion.substring(0, 100) + " ..." : expansion);
        out.printf("enums: %d%n", m.enums().size());
        for (EnumDecl e : m.enums()) {
            out.printf("  enum %s (line %d): %d constants%n", e.name() == null ? "<anonymous>" : e.name(), e.line(),
                    e.constants().size());
        }
        out.printf("defines: %d%n", m.defines().size());
        for (Define d : m.defines()) {
            out.printf("  %s = %s%s (line %d)%n", d.name(), d.text().isEmpty() ? "<empty>" : d.text(),
                    d.value() == null ? "" : " -> " + d.value(), d.line());
        }
        out.printf("structs: %d%n", m.structs().size());
        for (StructDecl s : m.structs()) {
            out.printf("  %s %s: size %d, align %d (line %d)%n", s.kind(), s.name(), s.size(), s.align(), s.line());
            for (Field f : s.fields()) {
                out.printf("    %-40s %-24s offset %d bits, %d bits%n", f.path(), f.type(), f.offsetBits(), f.sizeBits());
            }
        }
        out.printf("complete: %s%n", m.complete());
        for (io.uapiguard.model.Gap g : m.gaps()) {
            out.printf("  gap %s:%d: %s: %s%n", g.file(), g.line(), g.element(), g.why());
        }
        out.printf("problems: %d%n", m.problems().size());
        for (Problem p : m.problems()) {
            out.printf("  %s %s (line %d): %s%n", p.kind(), p.symbol(), p.line(), p.message());
        }
    }
}
