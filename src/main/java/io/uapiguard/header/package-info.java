/**
 * The front end: lexes and parses the text of one header revision (ANTLR grammar in {@code grammar/}),
 * runs the preprocessor and the constant evaluator, and builds the immutable {@link io.uapiguard.model.UapiModel}.
 */
package io.uapiguard.header;
