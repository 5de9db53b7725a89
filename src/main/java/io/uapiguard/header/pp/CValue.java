package io.uapiguard.header.pp;

import java.math.BigInteger;

/**
 * An integer value with its C type on x86-64: {@code width} 8, 16, 32 or 64 bits, signed or unsigned.
 * {@code bits} holds the value already reduced to its type (sign-extended when signed, zero-extended when not).
 */
public record CValue(long bits, int width, boolean unsigned) {

    public static final CValue ZERO = new CValue(0, 32, false);
    static final CValue ONE = new CValue(1, 32, false);

    /** {@code bits} reduced to the given type, as a C conversion does. */
    public static CValue of(long bits, int width, boolean unsigned) {
        long v = switch (width) {
            case 8 -> unsigned ? bits & 0xFFL : (byte) bits;
            case 16 -> unsigned ? bits & 0xFFFFL : (short) bits;
            case 32 -> unsigned ? bits & 0xFFFF_FFFFL : (int) bits;
            default -> bits;
        };
        return new CValue(v, width, unsigned);
    }

    static CValue ofBool(boolean b) {
        return b ? ONE : ZERO;
    }

    /** The smallest of int, long, unsigned long that holds {@code value} (how an enumerator is read back). */
    public static CValue ofMathematical(BigInteger value) {
        if (value.bitLength() < 32) {
            return new CValue(value.longValue(), 32, false);
        }
        if (value.bitLength() < 64) {
            return new CValue(value.longValue(), 64, false);
        }
        return of(value.longValue(), 64, true);
    }

    boolean isZero() {
        return bits == 0;
    }

    /** The mathematical value: {@code 1ULL << 63} stays positive. */
    public BigInteger value() {
        if (unsigned && bits < 0) {
            return new BigInteger(Long.toUnsignedString(bits));
        }
        return BigInteger.valueOf(bits);
    }
}
