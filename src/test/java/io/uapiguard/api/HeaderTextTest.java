package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class HeaderTextTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aLongHeaderWithEscapesReadsBackCharacterForCharacter() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 400_000; i++) {   // many of the parser's buffer segments
            text.append("/* \"quoted\" \\ back\tslash \u00e9 \uD83D\uDC1D */\n#define X").append(i).append(" ").append(i)
                    .append("\r\n");
        }
        String body = json.writeValueAsString(Map.of("repository", "r", "header", text.toString()));
        CheckRequest request = json.readValue(body, CheckRequest.class);
        assertThat(new String(request.header().chars())).isEqualTo(text.toString());
    }

    @Test
    void emptyAndShortHeadersAndNullReadAsGiven() {
        assertThat(json.readValue("{\"header\": \"\"}", CheckRequest.class).header().chars()).isEmpty();
        assertThat(new String(json.readValue("{\"header\": \"int x;\"}", CheckRequest.class).header().chars()))
                .isEqualTo("int x;");
        assertThat(json.readValue("{\"header\": null}", CheckRequest.class).header()).isNull();
    }

    @Test
    void aHeaderThatIsNotAStringIsAMismatch() {
        assertThatThrownBy(() -> json.readValue("{\"header\": 42}", CheckRequest.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"header\": [\"a\"]}", CheckRequest.class))
                .isInstanceOf(JacksonException.class);
    }
}
