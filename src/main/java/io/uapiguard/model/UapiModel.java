package io.uapiguard.model;

import java.util.List;

/** Everything user space can see in one header revision. JSON field names are a published contract. */
public record UapiModel(
        int schemaVersion,
        List<Helper> helpers,
        Mapper mapper,
        List<EnumDecl> enums,
        List<Define> defines,
        List<StructDecl> structs,
        List<Problem> problems) {

    public static final int SCHEMA_VERSION = 1;

    /** The header uapiguard guards unless told another path (the CLI's, the hook's and an ingest's default). */
    public static final String DEFAULT_PATH = "include/uapi/linux/bpf.h";

    public UapiModel {
        helpers = List.copyOf(helpers);
        enums = List.copyOf(enums);
        defines = List.copyOf(defines);
        structs = List.copyOf(structs);
        problems = List.copyOf(problems);
    }
}
