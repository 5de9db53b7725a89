package io.uapiguard.policy;

import io.uapiguard.compat.Finding;
import java.time.LocalDate;
import java.util.Map;

/**
 * One accepted finding: rule id and symbol, optionally attachment values that must all match, a required
 * justification, and an optional last day on which it applies. {@code line} is where it is written.
 */
public record Acceptance(String rule, String symbol, Map<String, String> attachments, String justification,
        LocalDate expires, int line) {

    public Acceptance {
        attachments = Map.copyOf(attachments);
    }

    /** Matches on the finding's rule, symbol and structured attachments, never on its message. */
    public boolean matches(Finding f) {
        if (!rule.equals(f.rule()) || !symbol.equals(f.symbol())) {
            return false;
        }
        return attachments.entrySet().stream().allMatch(e -> e.getValue().equals(f.attachments().get(e.getKey())));
    }

    /** True once {@code today} is after the expiry date: the acceptance applies up to and including that day. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
