package io.uapiguard.header.decl;

import java.util.List;

/**
 * A struct or union declaration as written. {@code tag} is null for an anonymous one; {@code members} is null
 * for a bare reference ({@code struct bpf_sock *}). {@code alignedAttr} is the value of
 * {@code __attribute__((aligned(N)))} on the type, 0 when absent. {@code pack} is the
 * {@code #pragma pack} in effect where it was defined (its members' maximum alignment in bytes), 0 when none.
 */
public record RecordDecl(String kind, String tag, List<Member> members, int line, boolean packed, int alignedAttr,
                         int pack) {

    public RecordDecl {
        members = members == null ? null : List.copyOf(members);
    }

    /** A record outside any {@code #pragma pack}. */
    public RecordDecl(String kind, String tag, List<Member> members, int line, boolean packed, int alignedAttr) {
        this(kind, tag, members, line, packed, alignedAttr, 0);
    }

    /**
     * One member. {@code name} null for an anonymous struct/union member or an unnamed bitfield;
     * {@code bitWidth} null unless a bitfield; {@code alignedAttr} 0 unless {@code __attribute__((aligned(N)))}.
     */
    public record Member(CType type, String name, Integer bitWidth, int line, int alignedAttr) {
    }
}
