/**
 * The front end's first stage: the ANTLR grammars (sources in {@code grammar/}) and their glue, the one entry
 * point {@link io.uapiguard.header.lex.HeaderTokens} with its scan of the common tokens over the source array, and
 * the word table.
 */
package io.uapiguard.header.lex;
