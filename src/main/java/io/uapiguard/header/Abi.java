package io.uapiguard.header;

/** Sizes and alignments of the base types a UAPI header uses, for one target ABI. */
public final class Abi {
    // Filled by issue 2: one data table for x86-64 Linux.
}
