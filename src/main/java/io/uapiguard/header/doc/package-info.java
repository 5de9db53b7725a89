/**
 * The documentation stage: the helper comment's signatures, the helper mapper macros, and the consistency
 * checks between helpers, their docs and the mapper.
 */
package io.uapiguard.header.doc;
