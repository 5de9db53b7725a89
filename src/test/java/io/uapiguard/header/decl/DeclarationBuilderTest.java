package io.uapiguard.header.decl;

import io.uapiguard.header.Fixtures;
import io.uapiguard.header.lex.DeclarationParser;
import io.uapiguard.header.lex.ThrowingErrorListener;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.model.Abi;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link RecordDecl}s and typedefs built from {@code records/*.h}: nesting, anonymous members, bitfields
 * (named, unnamed, zero-width), arrays (multi-dimensional, macro lengths, flexible), pointers with qualifiers,
 * {@code aligned}/{@code packed} on types and members, macro-made members, typedefs; prototypes ignored.
 */
class DeclarationBuilderTest {

    static List<Path> fixtures() {
        return Fixtures.headers("records");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void recordsMatchGolden(Path header) {
        String file = Fixtures.name(header);
        Budget budget = new Budget(Limits.DEFAULT, file);
        List<PpToken> tokens = new Preprocessor(file, budget, Abi.X86_64).run(Fixtures.text(header)).tokens();
        DeclarationParser parser = new DeclarationParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(new ThrowingErrorListener(file, ""));
        DeclarationBuilder.Declarations decls = new DeclarationBuilder(file, budget, Abi.X86_64, tokens).build(parser.translationUnit());
        StringBuilder sb = new StringBuilder();
        for (RecordDecl r : decls.records()) {
            if (decls.typedefName(r) != null) {
                sb.append("typedef name ").append(decls.typedefName(r)).append(": ");
            }
            record(r, "", sb);
        }
        sb.append("by tag:");
        for (String key : decls.recordsByTag().keySet()) {
            sb.append(' ').append(key).append(';');
        }
        sb.append('\n');
        for (Map.Entry<String, CType> t : decls.typedefs().entrySet()) {
            sb.append("typedef ").append(t.getKey()).append(" = ").append(type(t.getValue(), "")).append('\n');
        }
        Fixtures.assertGolden(header, ".records", sb.toString());
    }

    private static void record(RecordDecl r, String indent, StringBuilder sb) {
        sb.append(r.kind()).append(' ').append(r.tag() == null ? "<anonymous>" : r.tag())
                .append(" (line ").append(r.line()).append(')');
        if (r.packed()) {
            sb.append(" packed");
        }
        if (r.alignedAttr() != 0) {
            sb.append(" aligned(").append(r.alignedAttr()).append(')');
        }
        if (r.members() == null) {
            sb.append(" <reference>");
            return;
        }
        sb.append(" {\n");
        for (RecordDecl.Member m : r.members()) {
            sb.append(indent).append("  ").append(m.name() == null ? "<unnamed>" : m.name()).append(": ")
                    .append(type(m.type(), indent + "  "));
            if (m.bitWidth() != null) {
                sb.append(" : ").append(m.bitWidth());
            }
            if (m.alignedAttr() != 0) {
                sb.append(" aligned(").append(m.alignedAttr()).append(')');
            }
            sb.append(" (line ").append(m.line()).append(")\n");
        }
        sb.append(indent).append("}");
        if (indent.isEmpty()) {
            sb.append('\n');
        }
    }

    private static String type(CType t, String indent) {
        if (t instanceof CType.Named n) {
            return n.name();
        }
        if (t instanceof CType.Pointer p) {
            return "pointer to " + (p.qualifiers().isEmpty() ? "" : p.qualifiers() + " ") + type(p.target(), indent);
        }
        if (t instanceof CType.Array a) {
            return "array[" + (a.length() == null ? "" : a.length()) + "] of " + type(a.element(), indent);
        }
        if (t instanceof CType.Record r) {
            if (r.decl().tag() != null && r.decl().members() != null && !indent.isEmpty()) {
                return r.decl().kind() + " " + r.decl().tag();
            }
            if (r.decl().members() == null) {
                return r.decl().kind() + " " + r.decl().tag();
            }
            StringBuilder sb = new StringBuilder();
            record(r.decl(), indent, sb);
            return sb.toString();
        }
        CType.Enum e = (CType.Enum) t;
        return "enum " + (e.tag() == null ? "<anonymous>" : e.tag());
    }
}
