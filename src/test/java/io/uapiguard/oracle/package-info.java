/**
 * The differential oracle: ground truth about a system include tree from gcc (DWARF of a {@code -g} compile,
 * integer defines printed by a generated program), compared fact by fact with uapiguard's model of each header.
 */
package io.uapiguard.oracle;
