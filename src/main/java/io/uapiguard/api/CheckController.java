package io.uapiguard.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.uapiguard.output.RenderContext;
import io.uapiguard.output.Renderers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CI bot's call: check a candidate header or patch against a stored base. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "checks", description = "Check a candidate bpf.h or patch against an ingested revision")
class CheckController {

    private final CheckService checks;
    private final CheckRecords records;
    private final ComparisonResponses responses;
    private final ReportLinks links;
    private final MeterRegistry meters;

    CheckController(CheckService checks, CheckRecords records, ComparisonResponses responses, ReportLinks links,
                    ObjectProvider<MeterRegistry> meters) {
        this.checks = checks;
        this.records = records;
        this.responses = responses;
        this.links = links;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    @Operation(summary = "Check a candidate against a base revision",
            description = "The answer follows Accept: application/json (the CLI's JSON schema, default), "
                    + "application/sarif+json (SARIF 2.1.0), text/markdown, text/plain, or "
                    + OutputFormat.PATCHWORK_TYPE + " (a patchwork check: state, description, context, target_url).")
    @ApiResponse(responseCode = "200", description = "The comparison; its verdict says whether it breaks user space",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
                @Content(mediaType = OutputFormat.SARIF_TYPE),
                @Content(mediaType = MediaType.TEXT_MARKDOWN_VALUE),
                @Content(mediaType = MediaType.TEXT_PLAIN_VALUE),
                @Content(mediaType = OutputFormat.PATCHWORK_TYPE, schema = @Schema(implementation = PatchworkCheck.class))})
    @ApiResponse(responseCode = "400", description = "Malformed request", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "Unknown repository or base", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "Body over uapiguard.limits.max-body", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "422", description = "The candidate does not parse, trips a parser limit, "
            + "or the patch does not apply (the failing hunk is named)", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> check(@RequestBody CheckRequest request,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        OutputFormat format = OutputFormat.negotiate(accept, OutputFormat.all());
        CheckService.Outcome outcome = checks.check(request);
        String reportUrl = outcome.base().tags().isEmpty()
                ? links.repository(outcome.repository())
                : links.tag(outcome.repository(), outcome.base().tags().get(0));
        RenderContext context = new RenderContext(outcome.baseLabel(), "candidate", false, reportUrl)
                .with(checks.source(outcome)).withCheckUrl(links.check(outcome.digest()));
        // The page shows what the API answered: the JSON answer, with its checkUrl, is what is stored.
        String json = Renderers.forFormat("json").render(outcome.comparison(), context);
        if (!records.save(outcome, json)) {
            context = context.withoutCheckUrl();
            json = Renderers.forFormat("json").render(outcome.comparison(), context);
        }
        // Operators see how often bots are told "breaking", per repository (Prometheus: uapiguard_checks_total).
        meters.counter("uapiguard.checks", "repository", outcome.repository(),
                "verdict", outcome.comparison().verdict()).increment();
        return format == OutputFormat.JSON ? responses.answer(format, json)
                : responses.render(format, outcome.comparison(), context);
    }

    @Operation(summary = "A stored check's answer",
            description = "The JSON answer of an earlier check, by the id its checkUrl ends with, while it is kept "
                    + "(uapiguard.checks.retention after the last identical request).")
    @ApiResponse(responseCode = "200", description = "The check's JSON answer, as it was sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "Unknown check, or swept", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/checks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> stored(@PathVariable String id) {
        return records.find(id).map(check -> responses.answer(OutputFormat.JSON, check.result()))
                .orElseThrow(() -> records.unknown(id));
    }
}
