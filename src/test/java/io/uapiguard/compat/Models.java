package io.uapiguard.compat;

import io.uapiguard.model.Define;
import io.uapiguard.model.EnumConstant;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Field;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.MapperMacro;
import io.uapiguard.model.Param;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Builds small models in code, so rules are tested without the header front end. */
final class Models {

    private final List<Helper> helpers = new ArrayList<>();
    private final List<MapperMacro> macros = new ArrayList<>();
    private String expansion;
    private final List<EnumDecl> enums = new ArrayList<>();
    private final List<Define> defines = new ArrayList<>();
    private final List<StructDecl> structs = new ArrayList<>();

    static Models model() {
        return new Models();
    }

    Models helper(String name, long id, int line, HelperDoc... docs) {
        helpers.add(new Helper(name, id, line, List.of(docs)));
        return this;
    }

    /** A doc signature: "long", "bpf_foo", "struct sk_buff *", "skb", "u32", "len", ... */
    static HelperDoc doc(int line, String returnType, String function, String... typeNamePairs) {
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < typeNamePairs.length; i += 2) {
            params.add(new Param(typeNamePairs[i], typeNamePairs[i + 1]));
        }
        return new HelperDoc(line, returnType, function, params);
    }

    Models macro(String name, List<String> params, int fnArity, String separator, int line) {
        return macro(name, params, fnArity, separator, line, "");
    }

    /** A mapper macro with its body as the front end normalises it ({@code FN(unspec, 0, ## ctx) ...}). */
    Models macro(String name, List<String> params, int fnArity, String separator, int line, String body) {
        macros.add(new MapperMacro(name, params, fnArity, separator, line, body));
        return this;
    }

    Models expansion(String text) {
        expansion = text;
        return this;
    }

    Models enumDecl(String name, int line, Object... nameValueLine) {
        List<EnumConstant> constants = new ArrayList<>();
        for (int i = 0; i < nameValueLine.length; i += 3) {
            constants.add(new EnumConstant((String) nameValueLine[i], BigInteger.valueOf(((Number) nameValueLine[i + 1]).longValue()),
                    (Integer) nameValueLine[i + 2]));
        }
        enums.add(new EnumDecl(name, line, constants));
        return this;
    }

    Models define(String name, Long value, int line) {
        defines.add(new Define(name, value == null ? "" : value.toString(), value == null ? null : BigInteger.valueOf(value), line));
        return this;
    }

    Models struct(String kind, String name, long size, int line, Field... fields) {
        structs.add(new StructDecl(kind, name, size, 8, line, List.of(fields)));
        return this;
    }

    static Field field(String path, String type, long offsetBits, long sizeBits, int line) {
        return new Field(path, type, offsetBits, sizeBits, line);
    }

    UapiModel build() {
        return new UapiModel(UapiModel.SCHEMA_VERSION, helpers, new Mapper(macros, expansion), enums, defines, structs, List.of());
    }
}
