package io.uapiguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The CI bot's request: the repository, the base revision, and either the full candidate header or a patch. */
@Schema(description = "Exactly one of header and patch.")
public record CheckRequest(
        @Schema(description = "A registered repository name", example = "linux", requiredMode = Schema.RequiredMode.REQUIRED)
        String repository,
        @Schema(description = "A tag or commit id; omitted for the newest ingested revision", example = "v6.8")
        String base,
        @Schema(description = "The full text of the candidate header", type = "string", implementation = String.class)
        HeaderText header,
        @Schema(description = "A unified diff, git format-patch output, or an mbox of a patch series, applied in order")
        String patch,
        @Schema(description = "The watched header path: where a posted header goes (omitted: the repository's "
                + "first path); for a patch, the one header to judge (omitted: every watched header it touches)",
                example = "include/uapi/linux/bpf.h")
        String path,
        @Schema(description = "The text of the project's .uapiguard.yml (severity overrides, acceptances), applied "
                + "to the findings as the command line applies it; omitted: none")
        String policy) {
}
