package io.uapiguard.compat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a finding means for user space; ordered from worst to mildest. */
public enum Severity {
    BREAKING, WARNING, INFO;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
