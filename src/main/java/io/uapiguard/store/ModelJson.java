package io.uapiguard.store;

import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON stored in JSONB columns: whole models, finding attachments and mirrors, in the model's published shape. */
final class ModelJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<Mirror>> MIRRORS = new TypeReference<>() { };

    private ModelJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static UapiModel model(String json) {
        return MAPPER.readValue(json, UapiModel.class);
    }

    /** A repository's registered mirrors; null (the column's null) stays null: the default pairs apply. */
    static List<Mirror> mirrors(String json) {
        return json == null ? null : MAPPER.readValue(json, MIRRORS);
    }

    static Map<String, String> attachments(String json) {
        return MAPPER.readValue(json, STRING_MAP);
    }
}
