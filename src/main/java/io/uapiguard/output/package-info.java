/**
 * Renderers of a {@link io.uapiguard.compat.Comparison}: text, JSON, SARIF, Markdown, JUnit XML.
 * Each format is its own class that only reads the result.
 */
package io.uapiguard.output;
