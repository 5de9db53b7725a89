package io.uapiguard.model;

import java.util.List;

/** An enum, named or anonymous ({@code name} null), with evaluated values. */
public record EnumDecl(String name, int line, List<EnumConstant> constants) {

    public EnumDecl {
        constants = List.copyOf(constants);
    }
}
