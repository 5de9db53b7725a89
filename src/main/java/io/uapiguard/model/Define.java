package io.uapiguard.model;

import java.math.BigInteger;

/** An object-like macro: its replacement text (normalised tokens) and its integer value where it evaluates, else null. */
public record Define(String name, String text, BigInteger value, int line) {
}
