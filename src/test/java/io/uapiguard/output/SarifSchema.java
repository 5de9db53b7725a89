package io.uapiguard.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official SARIF 2.1.0 schema (src/test/resources/sarif, its source named in the README there): every test
 * that produces SARIF passes its answer through {@link #assertValid}.
 */
public final class SarifSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code sarif}, as "instance location: message"; empty when it is valid. */
    public static List<String> errors(String sarif) {
        JsonNode tree = JSON.readTree(sarif);
        return SCHEMA.validate(tree).stream().map(Error::toString).toList();
    }

    /** Parses {@code sarif}, fails naming every schema violation, and returns the tree for further assertions. */
    public static JsonNode assertValid(String sarif) {
        assertThat(errors(sarif)).as("SARIF 2.1.0 schema violations").isEmpty();
        return JSON.readTree(sarif);
    }
}
