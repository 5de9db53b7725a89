/**
 * The ANTLR-generated lexer and parsers of the header front end (sources in {@code grammar/}) and the
 * lexer's base class; only {@link io.uapiguard.header} uses them.
 */
package io.uapiguard.header.grammar;
