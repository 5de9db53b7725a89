/**
 * What a project does with findings, from its {@code .uapiguard.yml}: severity overrides per rule and acceptances
 * with a justification and an optional expiry, applied to a comparison after the rules have judged.
 */
package io.uapiguard.policy;
