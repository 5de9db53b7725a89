/**
 * Consumers of a header's text: scripts that scrape it (a line filter and a capture) and C code that expands its
 * helper mapper, described as data ({@link Consumer}) and run over one revision's text and model ({@link Consumers}).
 */
package io.uapiguard.consumer;
