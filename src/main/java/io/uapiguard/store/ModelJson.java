package io.uapiguard.store;

import io.uapiguard.model.UapiModel;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON stored in JSONB columns: whole models and finding attachments, in the model's published shape. */
final class ModelJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private ModelJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static UapiModel model(String json) {
        return MAPPER.readValue(json, UapiModel.class);
    }

    static Map<String, String> attachments(String json) {
        return MAPPER.readValue(json, STRING_MAP);
    }
}
