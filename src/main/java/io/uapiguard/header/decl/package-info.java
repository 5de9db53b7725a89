/**
 * The declaration stage: enums, records and typedefs built from the preprocessed tokens, their C types, and
 * struct layout over the {@link io.uapiguard.model.Abi} table.
 */
package io.uapiguard.header.decl;
