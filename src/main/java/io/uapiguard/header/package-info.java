/**
 * The front end, cut by stage: {@code lex} → {@code pp} → {@code decl} → {@code doc}, each handing an immutable
 * result to the next; {@link io.uapiguard.header.HeaderParser} only wires them into a {@link io.uapiguard.model.UapiModel}.
 */
package io.uapiguard.header;
