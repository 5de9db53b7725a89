package io.uapiguard.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything user space can see in one header revision. JSON field names are a published contract.
 * {@code gaps} lists what the model could not take in ({@link #complete()} is false when there is any); every
 * other element is a fact of the header itself, not of the headers it includes.
 */
@JsonIgnoreProperties(value = "complete", allowGetters = true)
public record UapiModel(
        int schemaVersion,
        List<Helper> helpers,
        Mapper mapper,
        List<EnumDecl> enums,
        List<Define> defines,
        List<StructDecl> structs,
        List<Problem> problems,
        List<Gap> gaps) {

    /** 2: {@code complete} and {@code gaps} added; the facts are the header's own, not its includes'. */
    public static final int SCHEMA_VERSION = 2;

    /** The header uapiguard guards unless told another path (the CLI's, the hook's and an ingest's default). */
    public static final String DEFAULT_PATH = "include/uapi/linux/bpf.h";

    public UapiModel {
        helpers = List.copyOf(helpers);
        enums = List.copyOf(enums);
        defines = List.copyOf(defines);
        structs = List.copyOf(structs);
        problems = List.copyOf(problems);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);   // null: a model stored before gaps existed
    }

    /** A model without gaps. */
    public UapiModel(int schemaVersion, List<Helper> helpers, Mapper mapper, List<EnumDecl> enums,
                     List<Define> defines, List<StructDecl> structs, List<Problem> problems) {
        this(schemaVersion, helpers, mapper, enums, defines, structs, problems, List.of());
    }

    /** True when the model lacks nothing it found in the header: no {@link #gaps}. */
    @JsonProperty("complete")
    public boolean complete() {
        return gaps.isEmpty();
    }
}
