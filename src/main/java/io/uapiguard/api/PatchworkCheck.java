package io.uapiguard.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body patchwork's checks API takes ({@code POST /api/patches/{id}/checks/}): {@code state} success, warning or
 * fail; a one-line {@code description}; the {@code context} that names this checker; {@code target_url} to the report.
 */
record PatchworkCheck(String state, String description, String context,
                      @JsonProperty("target_url") String targetUrl) {
}
