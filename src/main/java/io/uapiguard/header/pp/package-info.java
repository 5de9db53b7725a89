/**
 * The preprocessor stage: directives, conditionals and their constant evaluation, hide-set macro expansion, and
 * the parse's bounds. Its result (tokens, macro table, expander, comments) is all the later stages read.
 */
package io.uapiguard.header.pp;
