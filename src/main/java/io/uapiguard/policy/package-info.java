/**
 * What a project does with findings, from its {@code .uapiguard.yml}: severity overrides per rule and acceptances
 * with a justification and an optional expiry, applied to a comparison after the rules have judged; and the header
 * copies a change must keep in sync ({@code mirrors:}).
 */
package io.uapiguard.policy;
