/**
 * The immutable model of what user space sees in one revision of a UAPI header.
 * Produced by {@code header}, compared by {@code compat}, stored by {@code store}; its JSON shape is a contract.
 */
package io.uapiguard.model;
