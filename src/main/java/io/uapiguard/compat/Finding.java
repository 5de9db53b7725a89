package io.uapiguard.compat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One judgement of one rule on one matched pair. {@code attachments} carry the structured facts
 * (helper, id, enum, struct, field, ...) that suppressions match on; messages are for people only.
 */
public record Finding(
        String rule,
        Severity severity,
        String symbol,
        String message,
        @JsonProperty("old") String oldValue,
        @JsonProperty("new") String newValue,
        Location location,
        Map<String, String> attachments,
        boolean accepted,
        String justification) {

    public Finding {
        attachments = Map.copyOf(attachments);
    }
}
