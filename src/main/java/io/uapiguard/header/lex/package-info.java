/**
 * The front end's first stage: the ANTLR grammars (sources in {@code grammar/}) and their glue, the scan of the
 * common tokens over the source array, the word and keyword tables, and the index of long comments.
 */
package io.uapiguard.header.lex;
