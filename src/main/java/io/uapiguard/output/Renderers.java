package io.uapiguard.output;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.Comparison;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * STAND-IN on the service branch until the compat engineer's {@code Renderers} lands on main: at the merge,
 * take theirs. Only json is rendered here, so the service's endpoints can be exercised meanwhile.
 */
public final class Renderers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Renderers() {
    }

    public static Renderer forFormat(String format) {
        if (!"json".equals(format)) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "unknown format " + format);
        }
        return new Renderer() {
            @Override
            public String format() {
                return "json";
            }

            @Override
            public String mediaType() {
                return "application/json";
            }

            @Override
            public String render(Comparison comparison, RenderContext context) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("schemaVersion", Comparison.SCHEMA_VERSION);
                out.put("verdict", comparison.verdict());
                out.put("findings", comparison.findings());
                return JSON.writeValueAsString(out);
            }
        };
    }
}
