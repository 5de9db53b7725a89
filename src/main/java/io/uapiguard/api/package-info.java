/**
 * The REST API under {@code /api/v1}: the CI bot's check of a candidate header or patch against a stored base,
 * and reads of repositories, revisions, tags, models, diffs and helper timelines. Errors are RFC 7807 problems.
 */
package io.uapiguard.api;
