package io.uapiguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The model's JSON with gaps and typedef'd records (schema 2) reads back equal; a stored schema-1 model reads as having none. */
class UapiModelJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void gapsAndCompleteRoundTrip() {
        UapiModel m = new UapiModel(UapiModel.SCHEMA_VERSION, List.of(), new Mapper(List.of(), null), List.of(),
                List.of(), List.of(), List.of(), List.of(new Gap("a.h", 3, "#include <b.h>", Gap.INCLUDE_NOT_FOUND)));
        String json = JSON.writeValueAsString(m);
        assertThat(json).contains("\"complete\":false", "\"gaps\":[{\"file\":\"a.h\",\"line\":3");
        assertThat(JSON.readValue(json, UapiModel.class)).isEqualTo(m);
    }

    @Test
    void aTypedefdRecordSaysSoAndATaggedOneLeavesTheFieldOutAndBothReadBack() {
        StructDecl tagged = new StructDecl("struct", "fx_tagged", 4, 4, 1, List.of());
        StructDecl named = new StructDecl("struct", "fx_t", 8, 4, 2, List.of(), true);
        UapiModel m = new UapiModel(UapiModel.SCHEMA_VERSION, List.of(), new Mapper(List.of(), null), List.of(),
                List.of(), List.of(tagged, named), List.of(), List.of());
        String json = JSON.writeValueAsString(m);
        assertThat(json).containsOnlyOnce("\"typedef\":true").doesNotContain("\"typedef\":false");
        assertThat(JSON.readValue(json, UapiModel.class).structs()).containsExactly(tagged, named);
    }

    @Test
    void aSchemaOneModelHasNoGaps() {
        UapiModel m = JSON.readValue("{\"schemaVersion\":1,\"helpers\":[],\"mapper\":{\"macros\":[],\"expansion\":null},"
                + "\"enums\":[],\"defines\":[],\"structs\":[],\"problems\":[]}", UapiModel.class);
        assertThat(m.gaps()).isEmpty();
        assertThat(m.complete()).isTrue();
    }
}
