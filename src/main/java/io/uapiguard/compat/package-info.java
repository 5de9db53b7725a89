/**
 * Compares two header models: the engine pairs old and new elements, each rule judges one pair,
 * and the result is one immutable {@link io.uapiguard.compat.Comparison}. Knows nothing of HTTP, SQL or git.
 */
package io.uapiguard.compat;
