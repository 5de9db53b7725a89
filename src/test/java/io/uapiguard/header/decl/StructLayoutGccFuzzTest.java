package io.uapiguard.header.decl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uapiguard.model.Abi;
import io.uapiguard.model.Field;
import io.uapiguard.model.StructDecl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Random records (nested anonymous and named members, bitfields of every width, zero-width and unnamed bitfields,
 * arrays, pointers, enums, packed, aligned types and members, flexible arrays) laid out by {@link StructLayout} and
 * by gcc, compared field by field. A fixed seed keeps failures reproducible; one gcc run for all records.
 */
class StructLayoutGccFuzzTest {

    private static final long SEED = 20261124L;
    private static final int RECORDS = 400;

    private static final String[] SCALARS = {"char", "signed char", "unsigned char", "short", "unsigned short", "int",
        "unsigned int", "long", "unsigned long", "long long", "unsigned long long", "__u8", "__s8", "__u16", "__s16",
        "__u32", "__s32", "__u64", "__s64", "__be16", "__le32", "__be64", "__aligned_u64", "__aligned_be64",
        "__kernel_pid_t", "__kernel_size_t", "__sum16", "__wsum", "__poll_t"};
    private static final String[] OTHERS = {"float", "double", "long double", "__kernel_fsid_t"};

    private final Random random = new Random(SEED);
    private final Map<String, RecordDecl> records = new LinkedHashMap<>();
    private int line = 1;
    private int names;

    @Test
    void randomRecordsLayOutExactlyAsGccDoes() throws Exception {
        String why = GccOracle.unavailableReason();
        assumeTrue(why == null, () -> "gcc unavailable: " + why);

        StringBuilder prelude = new StringBuilder("#include <linux/types.h>\nenum e_tag { E_A, E_B = 5 };\n");
        List<RecordDecl> tops = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            RecordDecl d = record(random.nextInt(4) == 0 ? "union" : "struct", "r" + i, 0, true);
            records.put(d.kind() + " " + d.tag(), d);
            tops.add(d);
            prelude.append(C.record(d)).append(";\n");
        }
        StructLayout layout = new StructLayout(Abi.X86_64, records, Map.of());
        GccOracle oracle = new GccOracle();
        List<StructDecl> laid = new ArrayList<>();
        for (RecordDecl d : tops) {
            StructDecl s = layout.layout(d);
            laid.add(s);
            String cType = s.kind() + " " + s.name();
            oracle.record(cType);
            for (Field f : s.fields()) {
                oracle.field(cType, f.path(), f.type());
            }
        }
        Path dir = Files.createTempDirectory("uapiguard-gcc-fuzz");
        try {
            Map<String, GccOracle.Measure> gcc = oracle.run(dir, GccOracle.stubIncludes(Abi.X86_64, dir), prelude.toString());
            SoftAssertions soft = new SoftAssertions();
            int fields = 0;
            for (StructDecl s : laid) {
                String cType = s.kind() + " " + s.name();
                soft.assertThat(new GccOracle.Measure(s.size(), s.align())).as("%s size/align", cType)
                        .isEqualTo(gcc.get("R|" + cType));
                for (Field f : s.fields()) {
                    soft.assertThat(new GccOracle.Measure(f.offsetBits(), f.sizeBits()))
                            .as("%s.%s (%s) offset/size bits", cType, f.path(), f.type())
                            .isEqualTo(gcc.get("F|" + cType + "|" + f.path()));
                    fields++;
                }
            }
            soft.assertAll();
            assertThat(fields).as("fields compared").isGreaterThan(RECORDS * 3);
        } finally {
            GccOracle.deleteQuietly(dir);
        }
    }

    private RecordDecl record(String kind, String tag, int depth, boolean top) {
        List<RecordDecl.Member> members = new ArrayList<>();
        int count = 1 + random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < count; i++) {
            members.add(member(kind, "f" + names++, depth));
        }
        if (top && "struct".equals(kind) && random.nextInt(8) == 0) {
            members.add(new RecordDecl.Member(new CType.Array(new CType.Named(pick(SCALARS)), null), "flex", null,
                    line++, 0));
        }
        boolean packed = random.nextInt(8) == 0;
        int aligned = random.nextInt(8) == 0 ? 1 << random.nextInt(5) : 0;
        return new RecordDecl(kind, tag, members, line++, packed, aligned);
    }

    private RecordDecl.Member member(String kind, String name, int depth) {
        int choice = random.nextInt(20);
        int memberAligned = random.nextInt(25) == 0 ? 1 << random.nextInt(5) : 0;
        if (choice < 5) {
            String type = pick(SCALARS);
            int bits = Abi.X86_64.require(type, 0).size() * 8;
            boolean named = random.nextInt(3) > 0;
            int width = named ? 1 + random.nextInt(bits) : random.nextInt(bits + 1);
            return new RecordDecl.Member(new CType.Named(type), named ? name : null, width, line++, 0);
        }
        if (choice == 5) {
            return new RecordDecl.Member(new CType.Enum("e_tag"), name, random.nextBoolean() ? 3 : null, line++, 0);
        }
        if (choice < 8 && depth < 2) {
            RecordDecl inner = record(random.nextBoolean() ? "union" : "struct", null, depth + 1, false);
            return new RecordDecl.Member(new CType.Record(inner), random.nextBoolean() ? name : null, null, line++, 0);
        }
        if (choice == 8 && !records.isEmpty()) {
            List<String> keys = new ArrayList<>(records.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            RecordDecl target = records.get(key);
            CType ref = new CType.Record(new RecordDecl(target.kind(), target.tag(), null, 0, false, 0));
            boolean hasFlex = target.members().get(target.members().size() - 1).type() instanceof CType.Array a
                    && a.length() == null;
            CType type = hasFlex || random.nextBoolean() ? new CType.Pointer(ref, "") : ref;
            return new RecordDecl.Member(type, name, null, line++, memberAligned);
        }
        if (choice == 9) {
            return new RecordDecl.Member(new CType.Pointer(new CType.Named(random.nextBoolean() ? "void" : "char"),
                    random.nextBoolean() ? "const" : ""), name, null, line++, memberAligned);
        }
        if (choice == 10) {
            CType element = new CType.Named(pick(SCALARS));
            CType array = new CType.Array(element, (long) (1 + random.nextInt(4)));
            if (random.nextBoolean()) {
                array = new CType.Array(array, (long) (1 + random.nextInt(3)));
            }
            return new RecordDecl.Member(array, name, null, line++, memberAligned);
        }
        if (choice == 11) {
            return new RecordDecl.Member(new CType.Named(pick(OTHERS)), name, null, line++, memberAligned);
        }
        return new RecordDecl.Member(new CType.Named(pick(SCALARS)), name, null, line++, memberAligned);
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** C source for a RecordDecl, as a header would write it. */
    static final class C {

        static String record(RecordDecl d) {
            StringBuilder s = new StringBuilder(d.kind());
            if (d.tag() != null) {
                s.append(' ').append(d.tag());
            }
            if (d.members() == null) {
                return s.toString();
            }
            s.append(" {");
            for (RecordDecl.Member m : d.members()) {
                s.append(' ').append(declaration(m.type(), m.name() == null ? "" : m.name()));
                if (m.bitWidth() != null) {
                    s.append(" : ").append(m.bitWidth());
                }
                if (m.alignedAttr() > 0) {
                    s.append(" __attribute__((aligned(").append(m.alignedAttr()).append(")))");
                }
                s.append(';');
            }
            s.append(" }");
            if (d.packed()) {
                s.append(" __attribute__((packed))");
            }
            if (d.alignedAttr() > 0) {
                s.append(" __attribute__((aligned(").append(d.alignedAttr()).append(")))");
            }
            return s.toString();
        }

        static String declaration(CType type, String declarator) {
            if (type instanceof CType.Named n) {
                return n.name() + " " + declarator;
            }
            if (type instanceof CType.Pointer p) {
                String q = p.qualifiers() == null || p.qualifiers().isEmpty() ? "" : p.qualifiers() + " ";
                return q + declaration(p.target(), "*" + declarator);
            }
            if (type instanceof CType.Array a) {
                return declaration(a.element(), declarator + "[" + (a.length() == null ? "" : a.length()) + "]");
            }
            if (type instanceof CType.Record r) {
                return record(r.decl()) + " " + declarator;
            }
            return "enum " + ((CType.Enum) type).tag() + " " + declarator;
        }
    }
}
