package io.uapiguard.model;

import java.math.BigInteger;

/** An enumerator with its value as C gives it (mathematical value, so 1ULL &lt;&lt; 63 stays positive). */
public record EnumConstant(String name, BigInteger value, int line) {
}
