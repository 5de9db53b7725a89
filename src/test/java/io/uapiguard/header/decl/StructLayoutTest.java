package io.uapiguard.header.decl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Field;
import io.uapiguard.model.StructDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Layout of hand-built declarations. Every expected size, alignment and offset was measured with gcc 12 on
 * x86-64 from the C in {@code src/test/resources/header/layout/expected-gcc.c} (same record names).
 */
class StructLayoutTest {

    private final Map<String, RecordDecl> records = new HashMap<>();
    private final Map<String, CType> typedefs = new HashMap<>();

    // ---- construction helpers -------------------------------------------------------------------------------

    static CType n(String name) {
        return new CType.Named(name);
    }

    static CType ptr(CType target) {
        return new CType.Pointer(target, "");
    }

    static CType arr(CType element, Long length) {
        return new CType.Array(element, length);
    }

    static CType rec(RecordDecl decl) {
        return new CType.Record(decl);
    }

    static CType ref(String kind, String tag) {
        return new CType.Record(new RecordDecl(kind, tag, null, 0, false, 0));
    }

    static RecordDecl.Member m(CType type, String name) {
        return new RecordDecl.Member(type, name, null, 7, 0);
    }

    static RecordDecl.Member m(CType type, String name, int line) {
        return new RecordDecl.Member(type, name, null, line, 0);
    }

    static RecordDecl.Member aligned(CType type, String name, int alignedAttr) {
        return new RecordDecl.Member(type, name, null, 7, alignedAttr);
    }

    static RecordDecl.Member bf(CType type, String name, int width) {
        return new RecordDecl.Member(type, name, width, 7, 0);
    }

    static RecordDecl struct(String tag, RecordDecl.Member... members) {
        return new RecordDecl("struct", tag, List.of(members), 3, false, 0);
    }

    static RecordDecl union(String tag, RecordDecl.Member... members) {
        return new RecordDecl("union", tag, List.of(members), 3, false, 0);
    }

    static RecordDecl packed(RecordDecl d) {
        return new RecordDecl(d.kind(), d.tag(), d.members(), d.line(), true, d.alignedAttr());
    }

    static RecordDecl alignedType(RecordDecl d, int n) {
        return new RecordDecl(d.kind(), d.tag(), d.members(), d.line(), d.packed(), n);
    }

    private RecordDecl define(RecordDecl d) {
        records.put(d.kind() + " " + d.tag(), d);
        return d;
    }

    private StructDecl layout(RecordDecl d) {
        return new StructLayout(Abi.X86_64, records, typedefs).layout(d);
    }

    /** "path type @offsetBits +sizeBits", one per field. */
    private static List<String> fields(StructDecl d) {
        List<String> out = new ArrayList<>();
        for (Field f : d.fields()) {
            out.add(f.path() + " " + f.type() + " @" + f.offsetBits() + " +" + f.sizeBits());
        }
        return out;
    }

    private static String sizeAlign(StructDecl d) {
        return d.size() + "/" + d.align();
    }

    // ---- plain members --------------------------------------------------------------------------------------

    @Test
    void membersGoAtTheNextMultipleOfTheirAlignmentAndTheSizeRoundsUpToTheRecordAlignment() {
        StructDecl d = layout(struct("plain", m(n("char"), "a"), m(n("__u64"), "b"), m(n("__u16"), "c")));

        assertThat(sizeAlign(d)).isEqualTo("24/8");
        assertThat(fields(d)).containsExactly("a char @0 +8", "b __u64 @64 +64", "c __u16 @128 +16");
        assertThat(d.kind()).isEqualTo("struct");
        assertThat(d.name()).isEqualTo("plain");
        assertThat(d.line()).isEqualTo(3);
    }

    @Test
    void multiDimensionalArraysAreSpelledOutermostFirst() {
        StructDecl d = layout(struct("arr", m(arr(arr(n("__u32"), 3L), 2L), "a"), m(n("char"), "c")));

        assertThat(sizeAlign(d)).isEqualTo("28/4");
        assertThat(fields(d)).containsExactly("a __u32[2][3] @0 +192", "c char @192 +8");
    }

    @Test
    void pointersAreEightBytesAndSpelledWithTheirQualifiers() {
        StructDecl d = layout(struct("ptrs",
                m(n("char"), "c"),
                m(ptr(ref("struct", "bpf_sock")), "sk"),
                m(new CType.Pointer(n("void"), "const"), "data"),
                m(ptr(ptr(n("char"))), "argv"),
                m(arr(ptr(ref("struct", "bpf_sock")), 2L), "socks")));

        assertThat(sizeAlign(d)).isEqualTo("48/8");
        assertThat(fields(d)).containsExactly("c char @0 +8", "sk struct bpf_sock * @64 +64",
                "data const void * @128 +64", "argv char ** @192 +64", "socks struct bpf_sock *[2] @256 +128");
    }

    @Test
    void enumsAreFourByteInts() {
        StructDecl d = layout(struct("en", m(new CType.Enum(null), "e"), m(n("char"), "c"),
                m(new CType.Enum("bpf_cmd"), "cmd")));

        assertThat(sizeAlign(d)).isEqualTo("12/4");
        assertThat(fields(d)).containsExactly("e enum (anonymous) @0 +32", "c char @32 +8", "cmd enum bpf_cmd @64 +32");
    }

    @Test
    void flexibleArrayAddsAlignmentButNoSize() {
        assertThat(sizeAlign(layout(struct("flex", m(n("__u32"), "n"), m(arr(n("__u64"), null), "d")))))
                .isEqualTo("8/8");
        StructDecl flex2 = layout(struct("flex2", m(n("char"), "n"), m(arr(n("__u8"), null), "d")));
        assertThat(sizeAlign(flex2)).isEqualTo("1/1");
        assertThat(fields(flex2)).containsExactly("n char @0 +8", "d __u8[] @8 +0");
    }

    @Test
    void typedefsResolveToTheirTargetButKeepTheirNameAsType() {
        typedefs.put("my_u16", n("__u16"));
        typedefs.put("my_alias", n("my_u16"));
        StructDecl d = layout(struct("td", m(n("char"), "a"), m(n("my_alias"), "b")));

        assertThat(sizeAlign(d)).isEqualTo("4/2");
        assertThat(fields(d)).containsExactly("a char @0 +8", "b my_alias @16 +16");
    }

    // ---- attributes ------------------------------------------------------------------------------------------

    @Test
    void packedRecordPutsMembersAtTheNextByte() {
        StructDecl d = layout(packed(struct("pk2", m(n("char"), "a"), m(n("int"), "b"), m(n("long"), "c"))));

        assertThat(sizeAlign(d)).isEqualTo("13/1");
        assertThat(fields(d)).containsExactly("a char @0 +8", "b int @8 +32", "c long @40 +64");
    }

    @Test
    void packedAndAlignedTogetherGiveTheAlignmentWithPackedMembers() {
        StructDecl d = layout(alignedType(packed(struct("pkal", m(n("char"), "a"), m(n("int"), "b"))), 4));

        assertThat(sizeAlign(d)).isEqualTo("8/4");
        assertThat(fields(d)).containsExactly("a char @0 +8", "b int @8 +32");
    }

    @Test
    void packedRecordKeepsTheInnerLayoutOfANestedStruct() {
        define(struct("inner", m(n("__u32"), "x"), m(n("__u64"), "y")));
        StructDecl d = layout(packed(struct("pkn", m(n("char"), "a"), m(ref("struct", "inner"), "i"),
                m(n("__u16"), "z"))));

        assertThat(sizeAlign(d)).isEqualTo("19/1");
        assertThat(fields(d)).containsExactly("a char @0 +8", "i struct inner @8 +128", "i.x __u32 @8 +32",
                "i.y __u64 @72 +64", "z __u16 @136 +16");
    }

    @Test
    void memberAlignedAttributeRaisesMemberAndRecordAlignment() {
        StructDecl d = layout(struct("memal", m(n("char"), "a"), aligned(n("int"), "b", 16)));

        assertThat(sizeAlign(d)).isEqualTo("32/16");
        assertThat(fields(d)).containsExactly("a char @0 +8", "b int @128 +32");
    }

    @Test
    void typeAlignedAttributeRaisesAlignmentAndSize() {
        assertThat(sizeAlign(layout(alignedType(struct("tyal", m(n("char"), "a")), 8)))).isEqualTo("8/8");
    }

    @Test
    void alignedU64IsEightAligned() {
        StructDecl d = layout(struct("au", m(n("__u32"), "fd"), m(n("__aligned_u64"), "key")));

        assertThat(sizeAlign(d)).isEqualTo("16/8");
        assertThat(fields(d)).containsExactly("fd __u32 @0 +32", "key __aligned_u64 @64 +64");
    }

    // ---- bitfields -------------------------------------------------------------------------------------------

    @Test
    void bitfieldsShareTheirUnitUntilOneWouldStraddleIt() {
        StructDecl d = layout(struct("bfmix", bf(n("__u32"), "a", 1), bf(n("__u32"), "b", 31), m(n("__u8"), "c"),
                bf(n("__u64"), "d", 40), bf(n("__u16"), "e", 9)));

        assertThat(sizeAlign(d)).isEqualTo("16/8");
        assertThat(fields(d)).containsExactly("a __u32 @0 +1", "b __u32 @1 +31", "c __u8 @32 +8", "d __u64 @64 +40",
                "e __u16 @112 +9");
    }

    @Test
    void straddlingBitfieldMovesToTheNextUnitOfItsType() {
        assertThat(fields(layout(struct("strad", bf(n("__u32"), "a", 30), bf(n("__u32"), "b", 4)))))
                .containsExactly("a __u32 @0 +30", "b __u32 @32 +4");
        StructDecl strad3 = layout(struct("strad3", bf(n("__u8"), "a", 7), bf(n("__u16"), "b", 10)));
        assertThat(sizeAlign(strad3)).isEqualTo("4/2");
        assertThat(fields(strad3)).containsExactly("a __u8 @0 +7", "b __u16 @16 +10");
        StructDecl strad2 = layout(struct("strad2", m(n("char"), "a"), bf(n("__u32"), "b", 25)));
        assertThat(sizeAlign(strad2)).isEqualTo("8/4");
        assertThat(fields(strad2)).containsExactly("a char @0 +8", "b __u32 @32 +25");
    }

    @Test
    void bitfieldsFillTheirUnitExactly() {
        StructDecl d = layout(struct("bf2", bf(n("__u32"), "a", 1), bf(n("__u32"), "b", 31), bf(n("__u32"), "c", 24),
                bf(n("__u32"), "d", 8), m(n("__u8"), "e")));

        assertThat(sizeAlign(d)).isEqualTo("12/4");
        assertThat(fields(d)).containsExactly("a __u32 @0 +1", "b __u32 @1 +31", "c __u32 @32 +24", "d __u32 @56 +8",
                "e __u8 @64 +8");
    }

    @Test
    void zeroWidthBitfieldMovesToTheNextUnitWithoutRaisingAlignment() {
        StructDecl zw = layout(struct("zw", m(n("char"), "a"), bf(n("int"), null, 0), m(n("char"), "b")));
        assertThat(sizeAlign(zw)).isEqualTo("5/1");
        assertThat(fields(zw)).containsExactly("a char @0 +8", "b char @32 +8");
        StructDecl zw2 = layout(struct("zw2", m(n("char"), "a"), bf(n("__u64"), null, 0), m(n("char"), "b")));
        assertThat(sizeAlign(zw2)).isEqualTo("9/1");
        assertThat(sizeAlign(layout(struct("zwonly", m(n("char"), "a"), bf(n("long long"), null, 0)))))
                .isEqualTo("8/1");
        StructDecl pkz = layout(packed(struct("pkz", m(n("char"), "a"), bf(n("int"), null, 0), m(n("char"), "b"))));
        assertThat(sizeAlign(pkz)).isEqualTo("5/1");
        assertThat(fields(pkz)).containsExactly("a char @0 +8", "b char @32 +8");
    }

    @Test
    void unnamedBitfieldsTakeSpaceButAreNotListedAndDoNotRaiseAlignment() {
        StructDecl unn = layout(struct("unn", m(n("char"), "a"), bf(n("__u64"), null, 3), m(n("char"), "b")));
        assertThat(sizeAlign(unn)).isEqualTo("3/1");
        assertThat(fields(unn)).containsExactly("a char @0 +8", "b char @16 +8");
        StructDecl unn64 = layout(struct("unn64", bf(n("__u64"), null, 64)));
        assertThat(sizeAlign(unn64)).isEqualTo("8/1");
        assertThat(unn64.fields()).isEmpty();
    }

    @Test
    void packedBitfieldsMayStraddle() {
        StructDecl d = layout(packed(struct("pk", m(n("char"), "a"), bf(n("__u32"), "b", 30),
                bf(n("__u32"), "c", 4))));

        assertThat(sizeAlign(d)).isEqualTo("6/1");
        assertThat(fields(d)).containsExactly("a char @0 +8", "b __u32 @8 +30", "c __u32 @38 +4");
    }

    @Test
    void enumBitfieldIsAFourByteUnit() {
        StructDecl d = layout(struct("ebf", bf(new CType.Enum("color"), "c", 3), m(n("__u8"), "d")));

        assertThat(sizeAlign(d)).isEqualTo("4/4");
        assertThat(fields(d)).containsExactly("c enum color @0 +3", "d __u8 @8 +8");
    }

    @Test
    void unionBitfieldsStartAtZeroAndOnlyNamedOnesRaiseAlignment() {
        assertThat(sizeAlign(layout(union("u_bf", bf(n("__u32"), "a", 3), m(n("char"), "c"))))).isEqualTo("4/4");
        assertThat(sizeAlign(layout(union("u_bf2", bf(n("__u64"), "a", 3))))).isEqualTo("8/8");
        StructDecl u3 = layout(union("u_bf3", bf(n("__u64"), null, 33), m(n("char"), "c")));
        assertThat(sizeAlign(u3)).isEqualTo("5/1");
        assertThat(fields(u3)).containsExactly("c char @0 +8");
    }

    // ---- nesting ---------------------------------------------------------------------------------------------

    @Test
    void bpfMdPtrStyleUnionKeepsThePointerEightAligned() {
        define(struct("sock_like", m(n("__u32"), "family")));
        RecordDecl mdPtr = alignedType(union(null, m(ptr(ref("struct", "sock_like")), "sk"),
                bf(n("__u64"), null, 64)), 8);
        StructDecl d = layout(struct("skb_like", m(n("__u32"), "len"), m(arr(n("__u32"), 5L), "cb"),
                m(rec(mdPtr), null), m(n("__u32"), "gso"), m(n("__u8"), "tstamp_type"), bf(n("__u32"), null, 24),
                m(n("__u64"), "hwtstamp")));

        assertThat(sizeAlign(d)).isEqualTo("48/8");
        assertThat(fields(d)).containsExactly("len __u32 @0 +32", "cb __u32[5] @32 +160",
                "sk struct sock_like * @192 +64", "gso __u32 @256 +32", "tstamp_type __u8 @288 +8",
                "hwtstamp __u64 @320 +64");
    }

    @Test
    void anonymousMembersAddNoNameAndNamedAggregatesAreListedWithTheirSize() {
        RecordDecl mapCreate = struct(null, m(n("__u32"), "map_type"), m(n("__u32"), "key_size"),
                m(n("__u32"), "value_size"), m(n("__u32"), "max_entries"), m(n("__u32"), "map_flags"),
                m(n("__u32"), "inner_map_fd"), m(n("__u32"), "numa_node"), m(arr(n("char"), 16L), "map_name"));
        RecordDecl elem = struct(null, m(n("__u32"), "map_fd"), m(n("__aligned_u64"), "key"),
                m(rec(union(null, m(n("__aligned_u64"), "value"), m(n("__aligned_u64"), "next_key"))), null),
                m(n("__u64"), "flags"));
        RecordDecl uprobeMulti = struct(null, m(n("__aligned_u64"), "path"), m(n("__aligned_u64"), "offsets"),
                m(n("__aligned_u64"), "ref_ctr_offsets"), m(n("__aligned_u64"), "cookies"), m(n("__u32"), "cnt"),
                m(n("__u32"), "flags"), m(n("__u32"), "pid"));
        RecordDecl linkCreate = struct(null, m(n("__u32"), "prog_fd"),
                m(rec(union(null, m(n("__u32"), "target_fd"), m(n("__u32"), "target_ifindex"))), null),
                m(n("__u32"), "attach_type"), m(n("__u32"), "flags"),
                m(rec(union(null, m(n("__u32"), "target_btf_id"),
                        m(rec(struct(null, m(n("__aligned_u64"), "iter_info"), m(n("__u32"), "iter_info_len"))), null),
                        m(rec(uprobeMulti), "uprobe_multi"))), null));
        StructDecl d = layout(alignedType(union("attr_like", m(rec(mapCreate), null), m(rec(elem), null),
                m(rec(linkCreate), "link_create")), 8));

        assertThat(d.kind()).isEqualTo("union");
        assertThat(sizeAlign(d)).isEqualTo("64/8");
        assertThat(fields(d)).containsExactly(
                "map_type __u32 @0 +32", "key_size __u32 @32 +32", "value_size __u32 @64 +32",
                "max_entries __u32 @96 +32", "map_flags __u32 @128 +32", "inner_map_fd __u32 @160 +32",
                "numa_node __u32 @192 +32", "map_name char[16] @224 +128",
                "map_fd __u32 @0 +32", "key __aligned_u64 @64 +64", "value __aligned_u64 @128 +64",
                "next_key __aligned_u64 @128 +64", "flags __u64 @192 +64",
                "link_create struct (anonymous) @0 +512",
                "link_create.prog_fd __u32 @0 +32", "link_create.target_fd __u32 @32 +32",
                "link_create.target_ifindex __u32 @32 +32", "link_create.attach_type __u32 @64 +32",
                "link_create.flags __u32 @96 +32", "link_create.target_btf_id __u32 @128 +32",
                "link_create.iter_info __aligned_u64 @128 +64", "link_create.iter_info_len __u32 @192 +32",
                "link_create.uprobe_multi struct (anonymous) @128 +384",
                "link_create.uprobe_multi.path __aligned_u64 @128 +64",
                "link_create.uprobe_multi.offsets __aligned_u64 @192 +64",
                "link_create.uprobe_multi.ref_ctr_offsets __aligned_u64 @256 +64",
                "link_create.uprobe_multi.cookies __aligned_u64 @320 +64",
                "link_create.uprobe_multi.cnt __u32 @384 +32", "link_create.uprobe_multi.flags __u32 @416 +32",
                "link_create.uprobe_multi.pid __u32 @448 +32");
    }

    @Test
    void structMemberByTagIsLaidOutFromItsDefinition() {
        define(struct("bpf_map_info_like", m(n("__u32"), "type"), m(n("__u64"), "id")));
        StructDecl d = layout(struct("outer", m(n("char"), "c"), m(ref("struct", "bpf_map_info_like"), "info")));

        assertThat(sizeAlign(d)).isEqualTo("24/8");
        assertThat(fields(d)).containsExactly("c char @0 +8", "info struct bpf_map_info_like @64 +128",
                "info.type __u32 @64 +32", "info.id __u64 @128 +64");
    }

    @Test
    void bareReferenceIsLaidOutFromItsDefinition() {
        define(struct("defined", m(n("__u16"), "x")));

        assertThat(sizeAlign(layout(new RecordDecl("struct", "defined", null, 0, false, 0)))).isEqualTo("2/2");
    }

    @Test
    void oneInstanceLaysOutEveryRecordOfAHeaderConsistently() {
        RecordDecl info = define(struct("info", m(n("__u32"), "type"), m(n("__u64"), "id")));
        RecordDecl outer = define(struct("holder", m(ref("struct", "info"), "a"), m(ref("struct", "info"), "b")));
        StructLayout layout = new StructLayout(Abi.X86_64, records, typedefs);

        StructDecl first = layout.layout(info);
        StructDecl holder = layout.layout(outer);

        assertThat(layout.layout(info)).isEqualTo(first);
        assertThat(sizeAlign(holder)).isEqualTo("32/8");
        assertThat(fields(holder)).containsExactly("a struct info @0 +128", "a.type __u32 @0 +32", "a.id __u64 @64 +64",
                "b struct info @128 +128", "b.type __u32 @128 +32", "b.id __u64 @192 +64");
    }

    @Test
    void sizeAndAlignmentOfATypeAlone() {
        StructLayout layout = new StructLayout(Abi.X86_64, records, typedefs);

        assertThat(layout.sizeOf(arr(n("__aligned_u64"), 3L), 1)).isEqualTo(24);
        assertThat(layout.alignOf(arr(n("__aligned_u64"), 3L), 1)).isEqualTo(8);
        assertThat(layout.sizeOf(ptr(n("void")), 1)).isEqualTo(8);
        assertThat(layout.sizeOf(new CType.Enum("bpf_cmd"), 1)).isEqualTo(4);
    }

    @Test
    void arrayOfStructsIsOneField() {
        define(struct("pair", m(n("__u32"), "a"), m(n("__u32"), "b")));
        StructDecl d = layout(struct("arrs", m(arr(ref("struct", "pair"), 3L), "pairs")));

        assertThat(sizeAlign(d)).isEqualTo("24/4");
        assertThat(fields(d)).containsExactly("pairs struct pair[3] @0 +192");
    }

    // ---- errors and limits -----------------------------------------------------------------------------------

    @Test
    void unknownBaseTypeIsAParseErrorNamingTypeAndLine() {
        assertThatThrownBy(() -> layout(struct("bad", m(n("__u33"), "x", 42))))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.PARSE_ERROR);
                    assertThat(e.line()).isEqualTo(42);
                    assertThat(e.getMessage()).isEqualTo("unknown type '__u33' at line 42: neither a typedef of the "
                            + "header nor a base type of the x86_64 ABI");
                });
    }

    @Test
    void unknownPointerTargetIsAParseError() {
        assertThatThrownBy(() -> layout(struct("bad", m(ptr(n("mystery_t")), "p", 9))))
                .isInstanceOf(UapiguardException.class).hasMessageStartingWith("unknown type 'mystery_t' at line 9");
    }

    @Test
    void structWithoutDefinitionIsAParseError() {
        assertThatThrownBy(() -> layout(struct("outer", m(ref("struct", "nowhere"), "x", 11))))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.PARSE_ERROR);
                    assertThat(e.getMessage()).isEqualTo("struct nowhere is incomplete: it has no definition at line 11");
                });
    }

    @Test
    void structContainingItselfIsAParseError() {
        RecordDecl self = define(struct("self", m(n("int"), "a"), m(ref("struct", "self"), "again", 5)));

        assertThatThrownBy(() -> layout(self)).isInstanceOf(UapiguardException.class)
                .hasMessage("struct self contains itself by value at line 5");
    }

    @Test
    void mutualContainmentIsAParseError() {
        define(struct("a", m(ref("struct", "b"), "b", 4)));
        RecordDecl b = define(struct("b", m(ref("struct", "a"), "a", 8)));

        assertThatThrownBy(() -> layout(b)).isInstanceOf(UapiguardException.class)
                .hasMessage("struct b contains itself by value at line 4");
    }

    @Test
    void selfReferenceThroughAPointerIsFine() {
        RecordDecl node = define(struct("node", m(ptr(ref("struct", "node")), "next")));

        assertThat(sizeAlign(layout(node))).isEqualTo("8/8");
    }

    @Test
    void typedefCycleHitsTheDepthLimit() {
        typedefs.put("ping", n("pong"));
        typedefs.put("pong", n("ping"));

        assertThatThrownBy(() -> layout(struct("t", m(n("ping"), "x", 2))))
                .isInstanceOfSatisfying(UapiguardException.class,
                        e -> assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED));
    }

    @Test
    void deepByValueNestingHitsTheDepthLimitNotTheStack() {
        RecordDecl inner = struct("n0", m(n("int"), "x"));
        define(inner);
        for (int i = 1; i <= 5_000; i++) {
            inner = define(struct("n" + i, m(ref("struct", "n" + (i - 1)), "x")));
        }
        RecordDecl outer = inner;

        assertThatThrownBy(() -> layout(outer)).isInstanceOfSatisfying(UapiguardException.class,
                e -> assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED));
    }

    @Test
    void exponentialFieldCountHitsTheFieldLimit() {
        RecordDecl level = define(struct("e0", m(n("char"), "a"), m(n("char"), "b")));
        for (int i = 1; i <= 40; i++) {
            level = define(struct("e" + i, m(ref("struct", "e" + (i - 1)), "l"), m(ref("struct", "e" + (i - 1)), "r")));
        }
        RecordDecl top = level;

        assertThatThrownBy(() -> layout(top)).isInstanceOfSatisfying(UapiguardException.class, e -> {
            assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("more than 100000 fields");
        });
    }

    @Test
    void hugeArraysHitTheSizeLimitInsteadOfOverflowing() {
        assertThatThrownBy(() -> layout(struct("huge", m(arr(n("__u64"), 1L << 60), "x", 3))))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).isEqualTo(
                            "array of 1152921504606846976 elements is larger than 1099511627776 bytes at line 3");
                });
        RecordDecl.Member big = m(arr(n("__u8"), 1L << 39), "x", 4);
        assertThatThrownBy(() -> layout(struct("sum", big, m(arr(n("__u8"), 1L << 39), "y", 5), m(n("char"), "z", 6))))
                .hasMessage("struct sum is larger than 1099511627776 bytes at line 6");
    }

    @Test
    void badBitfieldsAreParseErrors() {
        assertThatThrownBy(() -> layout(struct("w", bf(n("__u8"), "x", 9))))
                .hasMessage("width 9 of bitfield x is outside 0..8 (the size of __u8) at line 7");
        assertThatThrownBy(() -> layout(struct("f", bf(n("double"), "x", 3))))
                .hasMessage("bitfield x has non-integer type double at line 7");
        assertThatThrownBy(() -> layout(struct("z", bf(n("int"), "x", 0))))
                .hasMessage("named bitfield x has width 0 at line 7");
    }

    @Test
    void flexibleArrayMustBeLast() {
        assertThatThrownBy(() -> layout(struct("fl", m(arr(n("__u8"), null), "d"), m(n("int"), "n"))))
                .hasMessage("flexible array member d is not last at line 7");
    }

    @Test
    void duplicateMemberThroughAnAnonymousMemberIsAParseError() {
        RecordDecl anon = union(null, m(n("int"), "x", 12));
        assertThatThrownBy(() -> layout(struct("dup", m(n("int"), "x"), m(rec(anon), null))))
                .hasMessage("duplicate member x in struct dup at line 12");
    }

    @Test
    void voidMemberIsAParseError() {
        assertThatThrownBy(() -> layout(struct("v", m(n("void"), "x"))))
                .hasMessage("member x has type void at line 7");
    }
}
